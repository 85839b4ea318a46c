using System.CommandLine;

namespace Terminal.Firmware.Cli;

/// <summary>
/// The terminal's command line (System.CommandLine). Exit codes: 0 = done / valid, 1 = the input is invalid
/// (the reason is printed in Chinese), 2 = the command itself was mistyped (usage printed to the error stream).
/// </summary>
public static class TerminalCli
{
    /// <summary>Exit code: the command ran and the input is valid.</summary>
    public const int Valid = 0;

    /// <summary>Exit code: the input is invalid; the reason was printed.</summary>
    public const int Invalid = 1;

    /// <summary>Exit code: the command line could not be understood.</summary>
    public const int Usage = 2;

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build() => new("退役军人和其他优抚对象信息采集终端：技术人员命令行")
    {
        IdNumberCommand.Build(),
        CategoriesCommand.Build(),
        IdCardCommand.Build(),
        ServeCommand.Build(),
        ProvisionCommand.Build(),
        PadSimulateCommand.Build(),
        SelfTestCommand.Build(),
        DiagnosticsCommand.Build(),
        WipeCommand.Build(),
    };

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            }
            await error.WriteLineAsync("用法见：terminal --help").ConfigureAwait(false);
            return Usage;
        }
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
