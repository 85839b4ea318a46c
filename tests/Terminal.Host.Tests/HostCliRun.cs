using Terminal.Host.Cli;

namespace Terminal.Host.Tests;

/// <summary>Runs the host's command line in-process, capturing what it prints.</summary>
internal static class HostCliRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HostCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Cheap Argon2id for tests that are not about its cost (the least a new key file accepts, one pass).</summary>
    public static readonly string[] CheapKdf = ["--kdf-memory-mib", "19", "--kdf-passes", "1"];
}
