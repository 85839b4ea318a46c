using System.IO.Ports;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Firmware.Web;
using Terminal.Storage.Network;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Maintenance;

/// <summary>
/// The technician's self-test (`terminal selftest`): the store opens, the clock is sane, the network guard finds no
/// network, the ID card reader's SAM answers, the signature pad's port opens and takes the start command, the camera
/// delivers a frame. Each check says what it found in Chinese; none needs an operator's PIN or reads personal data.
/// </summary>
public static class SelfTest
{
    /// <summary>The earliest plausible time: the plans date from 2018.</summary>
    private static readonly DateTimeOffset Earliest = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs every check (the app must not be running: the devices are opened here).</summary>
    public static async Task<IReadOnlyList<SelfTestCheck>> RunAsync(TerminalAppOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return
        [
            Store(options),
            Clock(options, time),
            Network(options),
            await ReaderAsync(options, cancellationToken).ConfigureAwait(false),
            await PadAsync(options, cancellationToken).ConfigureAwait(false),
            Camera(options),
        ];
    }

    private static SelfTestCheck Store(TerminalAppOptions options)
    {
        try
        {
            using var store = TerminalStore.Open(new TerminalStoreOptions { Folder = options.StoreFolder });
            var counts = store.Counts();
            return new("终端存储", true, $"可以打开（终端 {store.TerminalId}；草稿 {counts.Drafts} 条，待对接上传 {counts.Outbox} 条，初始数据 {counts.InitialData} 人，审计记录 {counts.AuditEntries} 条）");
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            return new("终端存储", false, e.Message);
        }
    }

    private static SelfTestCheck Clock(TerminalAppOptions options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var data = Path.Combine(options.StoreFolder, "terminal.db");
        var lastWrite = File.Exists(data) ? new DateTimeOffset(File.GetLastWriteTimeUtc(data), TimeSpan.Zero) : (DateTimeOffset?)null;
        var shown = time.GetLocalNow().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (now < Earliest)
        {
            return new("时钟", false, $"现在是 {shown}，早于2018年：时钟电池可能没电，请对接区采集中心主机校时");
        }
        if (lastWrite is { } written && now < written.AddMinutes(-5))
        {
            return new("时钟", false, $"现在是 {shown}，早于终端存储最后写入的时间：时钟被调慢了，请对接区采集中心主机校时");
        }
        return new("时钟", true, $"{shown}（不早于终端存储最后写入的时间）");
    }

    private static SelfTestCheck Network(TerminalAppOptions options)
    {
        var check = new NetworkGuard(options.NetworkGuard).Check();
        return check.IsSafe
            ? new("网络防护", true, "已开启：除本机回环和对接线外没有任何网络接口")
            : new("网络防护", false, string.Join(" ", check.Messages));
    }

    private static async Task<SelfTestCheck> ReaderAsync(TerminalAppOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await using var port = SerialSamConnection.Open(options.Reader);
            var reader = new IdCardReader(port, options.Reader);
            var status = await reader.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            if (status != SamStatus.Ok)
            {
                return new("读卡器", false, $"安全模块应答状态 {(byte)status:X2}：{SamStatusText.For(status)}");
            }
            return new("读卡器", true, $"{options.Reader.PortName} 应答正常（安全模块编号 {await reader.ReadSamIdAsync(cancellationToken).ConfigureAwait(false)}）");
        }
        catch (Exception e) when (e is ReaderUnavailableException or IOException or TimeoutException or SamCommandException)
        {
            return new("读卡器", false, e is ReaderUnavailableException ? e.Message : $"{options.Reader.PortName} 没有应答：请检查读卡器连线（{e.Message}）");
        }
    }

    private static async Task<SelfTestCheck> PadAsync(TerminalAppOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var port = new SerialPort(options.Pad.PortName, options.Pad.BaudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, WriteTimeout = 2000 };
            port.Open();
            await port.BaseStream.WriteAsync(SerialPad.StartCommand.ToArray(), cancellationToken).ConfigureAwait(false);
            await port.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new("签字板", true, $"{options.Pad.PortName} 已打开并接受开始命令（串口签字板只在笔靠近时发送数据：请在签字页试签一次）");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            return new("签字板", false, $"{options.Pad.PortName} 无法打开：请检查签字板连线（{e.Message}）");
        }
    }

    private static SelfTestCheck Camera(TerminalAppOptions options)
    {
        if (options.DemoCamera)
        {
            return new("摄像头", true, "使用演示摄像头（模拟画面，不是真实摄像头）：仅用于演示，正式使用前请接好摄像头");
        }
        switch (CameraSession.Open(options.Camera))
        {
            case CameraOpenResult.Opened { Session: var session }:
                using (session)
                {
                    return session.CaptureStill() switch
                    {
                        CaptureResult.Captured c => new("摄像头", true, $"{options.Camera.DevicePath}（{session.Capabilities.Card}）拍到一帧 {c.Width}×{c.Height}"),
                        CaptureResult r => new("摄像头", false, $"{options.Camera.DevicePath}：{r.Message}"),
                    };
                }
            case CameraOpenResult.Failed failed:
                return new("摄像头", false, $"{options.Camera.DevicePath}：{failed.Message}");
            default:
                throw new InvalidOperationException("unknown camera open result");
        }
    }
}
