using System.CommandLine;
using Serilog;
using Terminal.Firmware.Web;

namespace Terminal.Firmware.Cli;

/// <summary>`serve [--port N]`: runs the terminal's local web UI on 127.0.0.1 (never on another address).</summary>
internal static class ServeCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "本机端口（只在 127.0.0.1 上监听）", DefaultValueFactory = _ => 5080 };
        var serve = new Command("serve", "启动终端界面（仅本机 127.0.0.1）") { port };
        serve.SetAction(async (parse, token) =>
        {
            var p = parse.GetValue(port);
            if (p is < 1 or > 65535)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"端口{p}无效：应为1至65535").ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            return await RunAsync(p, token).ConfigureAwait(false);
        });
        return serve;
    }

    private static async Task<int> RunAsync(int port, CancellationToken token)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateBootstrapLogger();
        try
        {
            var app = TerminalWebHost.Build(port);
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
