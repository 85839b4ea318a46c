using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Firmware.Signing;
using Terminal.Storage.Network;

namespace Terminal.Firmware.Web;

/// <summary>
/// The terminal app's settings (configuration section "Terminal"): where its store is, its collection point, the
/// ID card reader and the network guard. Validated at start-up; every problem is named in Chinese.
/// </summary>
public sealed record TerminalAppOptions
{
    /// <summary>Port on 127.0.0.1 (0: any free port). The app never listens on another address.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>The store folder, on the encrypted data partition (hardware-docs/storage/LUKS.md).</summary>
    public string StoreFolder { get; init; } = "/data/terminal/store";

    /// <summary>The collection point this terminal works for (e.g. 650105-04, seed 000 §七(一)).</summary>
    public string CollectionPointCode { get; init; } = "";

    /// <summary>The ID card reader.</summary>
    public IdCardReaderOptions Reader { get; init; } = new();

    /// <summary>The serial signature pad.</summary>
    public SignaturePadOptions Pad { get; init; } = new();

    /// <summary>The V4L2 camera.</summary>
    public CameraOptions Camera { get; init; } = new();

    /// <summary>Use the 演示摄像头 (made-up frames) instead of the V4L2 camera: for machines without one (the demo, tests).</summary>
    public bool DemoCamera { get; init; }

    /// <summary>The network guard.</summary>
    public NetworkGuardOptions NetworkGuard { get; init; } = new();

    /// <summary>The dock cable's serial port (the USB gadget's /dev/ttyGS0 on the handheld); empty: no docking.</summary>
    public string DockPort { get; init; } = Terminal.Dock.Handheld.HandheldDock.GadgetPort;

    /// <summary>The problems of these settings, in Chinese; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Reader.Validate());
        problems.AddRange(Pad.Validate());
        problems.AddRange(Camera.Validate());
        if (Port is < 0 or > 65535)
        {
            problems.Add($"端口{Port}无效：应为0至65535（Terminal:Port）");
        }
        if (string.IsNullOrWhiteSpace(StoreFolder))
        {
            problems.Add("未设置存储目录（Terminal:StoreFolder）");
        }
        if (string.IsNullOrWhiteSpace(CollectionPointCode))
        {
            problems.Add("未设置本终端的采集点（Terminal:CollectionPointCode，例如 650105-04）");
        }
        return problems;
    }
}
