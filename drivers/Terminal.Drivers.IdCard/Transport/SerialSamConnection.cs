using System.IO.Ports;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>Opens the reader's serial port (8N1, no handshake, DTR/RTS left low: ptys refuse them) as a <see cref="SamPort"/>.</summary>
public static class SerialSamConnection
{
    /// <summary>
    /// Opens the port named in <paramref name="options"/>. Throws <see cref="ReaderUnavailableException"/> with a
    /// Chinese message when the port is missing, busy or not permitted.
    /// </summary>
    public static SamPort Open(IdCardReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var port = new SerialPort(options.PortName, options.BaudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = false,
            RtsEnable = false,
            ReadBufferSize = 16384,
        };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return new SamPort(new SerialPortStream(port));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            var why = e switch
            {
                UnauthorizedAccessException => "没有权限打开（请技术人员检查 udev 规则）",
                FileNotFoundException or DirectoryNotFoundException => "找不到该设备（读卡器未连接）",
                _ => "无法打开（读卡器未连接或被占用）",
            };
            throw new ReaderUnavailableException($"读卡器 {options.PortName} {why}：请检查读卡器连线后重试", e);
        }
    }
}
