using System.CommandLine;
using Serilog;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Firmware.Signing;
using Terminal.Firmware.Web;
using Terminal.Storage.Network;

namespace Terminal.Firmware.Cli;

/// <summary>
/// `serve`: runs the terminal's app (the field worker's pages) on 127.0.0.1 (never on another address), on the
/// store, reader and collection point given.
/// </summary>
internal static class ServeCommand
{
    public static Command Build()
    {
        var defaults = new TerminalAppOptions();
        var port = new Option<int>("--port") { Description = "本机端口（只在 127.0.0.1 上监听）", DefaultValueFactory = _ => defaults.Port };
        var store = new Option<string>("--store") { Description = "终端存储目录（加密数据分区上）", DefaultValueFactory = _ => defaults.StoreFolder };
        var reader = new Option<string>("--reader") { Description = "身份证读卡器串口", DefaultValueFactory = _ => defaults.Reader.PortName };
        var point = new Option<string>("--point") { Description = "本终端的采集点代码，例如 650105-04" };
        var pad = new Option<string>("--pad") { Description = "签字板串口", DefaultValueFactory = _ => defaults.Pad.PortName };
        var camera = new Option<string>("--camera") { Description = "摄像头设备（V4L2），或 demo 使用演示摄像头（模拟画面）", DefaultValueFactory = _ => defaults.Camera.DevicePath };
        var network = new Option<string>("--network-folder") { Description = "网络防护读取的网络接口目录（演示时指向模拟目录）", DefaultValueFactory = _ => defaults.NetworkGuard.InterfacesFolder };
        var serve = new Command("serve", "启动终端界面（仅本机 127.0.0.1）") { port, store, reader, pad, camera, point, network };
        serve.SetAction(async (parse, token) =>
        {
            var options = new TerminalAppOptions
            {
                Port = parse.GetValue(port),
                StoreFolder = parse.GetValue(store)!,
                CollectionPointCode = parse.GetValue(point) ?? "",
                Reader = new IdCardReaderOptions { PortName = parse.GetValue(reader)! },
                Pad = new SignaturePadOptions { PortName = parse.GetValue(pad)! },
                DemoCamera = parse.GetValue(camera) == "demo",
                Camera = new CameraOptions { DevicePath = parse.GetValue(camera) == "demo" ? defaults.Camera.DevicePath : parse.GetValue(camera)! },
                NetworkGuard = new NetworkGuardOptions { InterfacesFolder = parse.GetValue(network)! },
            };
            if (options.Validate() is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await parse.InvocationConfiguration.Output.WriteLineAsync("无效：" + problem).ConfigureAwait(false);
                }
                return TerminalCli.Invalid;
            }
            return await RunAsync(options, token).ConfigureAwait(false);
        });
        return serve;
    }

    private static async Task<int> RunAsync(TerminalAppOptions options, CancellationToken token)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateBootstrapLogger();
        try
        {
            var app = TerminalWebHost.Build(options);
            await app.RunAsync(token).ConfigureAwait(false);
            return TerminalCli.Valid;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Log.Fatal(e, "终端界面无法启动");
            return TerminalCli.Invalid;
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }
}
