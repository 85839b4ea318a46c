using System.CommandLine;
using Serilog;
using Terminal.Firmware.Web;

namespace Terminal.Firmware.Cli;

/// <summary>
/// `serve`: runs the terminal's app (the field worker's pages) on 127.0.0.1 (never on another address), on the
/// store, reader and collection point given.
/// </summary>
internal static class ServeCommand
{
    public static Command Build()
    {
        var port = new Option<int>("--port") { Description = "本机端口（只在 127.0.0.1 上监听）", DefaultValueFactory = _ => new TerminalAppOptions().Port };
        var device = new AppOptionsArguments();
        var serve = new Command("serve", "启动终端界面（仅本机 127.0.0.1）") { port };
        device.AddTo(serve);
        serve.SetAction(async (parse, token) =>
        {
            var options = device.Read(parse, parse.GetValue(port));
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
