using System.CommandLine;
using Microsoft.Extensions.Options;
using Serilog;
using Terminal.Host.Service;

namespace Terminal.Host.Cli;

/// <summary>
/// `run`: the district host service, with the skeleton of serilog-extensions-hosting's sample: a bootstrap logger
/// until the host's own, a fatal entry saying why when it cannot start, the log flushed whatever happens.
/// </summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = "另一个设置文件（JSON），在 appsettings.json 之后读取" };
        var run = new Command("run", "运行区县主机服务（不带命令时也是它）") { settings };
        run.SetAction((parse, token) => RunAsync(parse.GetValue(settings), token));
        return run;
    }

    public static async Task<int> RunAsync(string? settingsFile, CancellationToken token)
    {
        Log.Logger = new LoggerConfiguration()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();
        try
        {
            await using var app = DistrictHostApp.Build(settingsFile);
            await app.RunAsync(token).ConfigureAwait(false);
            Log.Information("区县主机已停止");
            return HostCli.Done;
        }
        catch (HostStartupException e)
        {
            Log.Fatal("区县主机拒绝启动：{Reason}", e.Message);
            return HostCli.StartRefused;
        }
        catch (Exception e) when (SettingsProblems(e) is { } problems)
        {
            Log.Fatal("区县主机设置有误，拒绝启动：{Problems}", problems);
            return HostCli.StartRefused;
        }
        catch (IOException e)
        {
            Log.Fatal("区县主机无法启动（多为所设端口已被占用或无权限监听）：{Reason}", e.Message);
            return HostCli.StartRefused;
        }
#pragma warning disable CA1031 // the outermost edge: whatever stops the host is logged before the process exits
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.Fatal(e, "区县主机意外终止");
            return HostCli.Refused;
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The settings' validation failures joined, when <paramref name="e"/> is (only) about them.</summary>
    private static string? SettingsProblems(Exception e) => e switch
    {
        OptionsValidationException v => string.Join("；", v.Failures),
        AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) =>
            string.Join("；", a.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures)),
        _ => null,
    };
}
