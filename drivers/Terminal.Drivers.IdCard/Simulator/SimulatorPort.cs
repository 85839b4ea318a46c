using System.IO.Ports;
using Terminal.Drivers.IdCard.Transport;

namespace Terminal.Drivers.IdCard.Simulator;

/// <summary>Opens the device's end of a serial line (e.g. one end of a socat pty pair) for the simulator.</summary>
public static class SimulatorPort
{
    /// <summary>The port's stream; disposing it closes the port. Throws <see cref="ReaderUnavailableException"/> with a Chinese reason.</summary>
    public static Stream Open(string path, int baudRate)
    {
        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, DtrEnable = false, RtsEnable = false };
        try
        {
            port.Open();
            return new SerialPortStream(port);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new ReaderUnavailableException($"模拟器无法打开串口 {path}：{e.Message}", e);
        }
    }
}
