using System.CommandLine;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Firmware.Signing;
using Terminal.Firmware.Web;
using Terminal.Storage.Network;

namespace Terminal.Firmware.Cli;

/// <summary>
/// The command-line options naming the terminal's store and devices, shared by `serve`, `selftest` and
/// `diagnostics`: --store, --reader, --pad, --camera (a V4L2 device, or "demo"), --point, --network-folder.
/// </summary>
internal sealed class AppOptionsArguments
{
    private static readonly TerminalAppOptions Defaults = new();

    public Option<string> Store { get; } = new("--store") { Description = "终端存储目录（加密数据分区上）", DefaultValueFactory = _ => Defaults.StoreFolder };

    public Option<string> Reader { get; } = new("--reader") { Description = "身份证读卡器串口", DefaultValueFactory = _ => Defaults.Reader.PortName };

    public Option<string> Pad { get; } = new("--pad") { Description = "签字板串口", DefaultValueFactory = _ => Defaults.Pad.PortName };

    public Option<string> Camera { get; } = new("--camera") { Description = "摄像头设备（V4L2），或 demo 使用演示摄像头（模拟画面）", DefaultValueFactory = _ => Defaults.Camera.DevicePath };

    public Option<string> Point { get; } = new("--point") { Description = "本终端的采集点代码，例如 650105-04" };

    public Option<string> Network { get; } = new("--network-folder") { Description = "网络防护读取的网络接口目录（演示时指向模拟目录）", DefaultValueFactory = _ => Defaults.NetworkGuard.InterfacesFolder };

    public Option<string> Dock { get; } = new("--dock") { Description = "对接线串口（手持终端上为 USB gadget 的 /dev/ttyGS0；空则不对接）", DefaultValueFactory = _ => Defaults.DockPort };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Store, Reader, Pad, Camera, Point, Network, Dock })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The app's options as parsed (port <paramref name="port"/>).</summary>
    public TerminalAppOptions Read(ParseResult parse, int port = 0)
    {
        var camera = parse.GetValue(Camera)!;
        return new TerminalAppOptions
        {
            Port = port,
            StoreFolder = parse.GetValue(Store)!,
            CollectionPointCode = parse.GetValue(Point) ?? "",
            Reader = new IdCardReaderOptions { PortName = parse.GetValue(Reader)! },
            Pad = new SignaturePadOptions { PortName = parse.GetValue(Pad)! },
            DemoCamera = camera == "demo",
            Camera = new CameraOptions { DevicePath = camera == "demo" ? Defaults.Camera.DevicePath : camera },
            NetworkGuard = new NetworkGuardOptions { InterfacesFolder = parse.GetValue(Network)! },
            DockPort = parse.GetValue(Dock) ?? "",
        };
    }
}
