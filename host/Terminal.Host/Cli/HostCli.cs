using System.CommandLine;

namespace Terminal.Host.Cli;

/// <summary>
/// The district host's command line (System.CommandLine): `run` (the service, also what no command means) and the
/// district key's commands. Exit codes: 0 done, 1 refused (the reason printed in Chinese), 2 the command line was
/// mistyped, 3 the service refused to start (settings, key or database; the reason is logged).
/// </summary>
public static class HostCli
{
    /// <summary>Exit code: done.</summary>
    public const int Done = 0;

    /// <summary>Exit code: refused; the reason was printed.</summary>
    public const int Refused = 1;

    /// <summary>Exit code: the command line could not be understood.</summary>
    public const int Usage = 2;

    /// <summary>Exit code: the service refused to start; the reason was logged. The systemd unit does not restart on it.</summary>
    public const int StartRefused = 3;

    /// <summary>The root command: running it alone runs the service.</summary>
    public static RootCommand Build()
    {
        var run = RunCommand.Build();
        var root = new RootCommand("退役军人和其他优抚对象信息采集：区县主机（服务、区县密钥、工作台账户、初始数据、终端登记）") { run, KeyCommand.Build(), UserCommand.Build(), RosterCommand.Build(), TerminalCommand.Build() };
        root.SetAction((_, token) => RunCommand.RunAsync(null, token));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            }
            await error.WriteLineAsync("用法见：terminal-host --help").ConfigureAwait(false);
            return Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
