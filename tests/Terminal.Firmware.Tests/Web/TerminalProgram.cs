using System.Diagnostics;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Web;

/// <summary>
/// How a test starts the terminal program as its own process: the x86-64 build beside the tests (`dotnet
/// terminal.dll`), or the linux-arm64 self-contained publish under qemu-user (<see cref="Arm64FromEnvironment"/>).
/// </summary>
internal sealed record TerminalProgram(string FileName, IReadOnlyList<string> Leading, IReadOnlyDictionary<string, string> Environment, TimeSpan Patience)
{
    /// <summary>The environment variable naming the linux-arm64 `terminal` program (tests/rig/arm64-tier.sh sets it).</summary>
    public const string Arm64ProgramVariable = "TERMINAL_ARM64_PROGRAM";

    /// <summary>The environment variable naming qemu-user (default: qemu-aarch64-static on the PATH).</summary>
    public const string QemuVariable = "TERMINAL_ARM64_QEMU";

    /// <summary>The x86-64 build in the test's output folder, started by the machine's dotnet.</summary>
    public static TerminalProgram Native { get; } = new("dotnet", [Path.Combine(AppContext.BaseDirectory, "terminal.dll")],
        new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

    /// <summary>
    /// The linux-arm64 publish named by <see cref="Arm64ProgramVariable"/>, run by `qemu-aarch64-static -L /`.
    /// Emulated .NET is 3-10x slower, so it gets more time. Two runtime settings, as in the arm64 tier
    /// (tests/rig/README.md): W^X off (qemu-user runs stale translations of code the JIT wrote through its second
    /// mapping, dotnet/runtime#78340) and dynamic PGO off (its instrumented code doubles the emulated time); neither
    /// changes what the program does. Throws <see cref="AssertFailedException"/> saying what is missing.
    /// </summary>
    public static TerminalProgram Arm64FromEnvironment()
    {
        var program = System.Environment.GetEnvironmentVariable(Arm64ProgramVariable);
        if (string.IsNullOrEmpty(program) || !File.Exists(program))
        {
            throw new AssertFailedException($"needs the arm64 tier (tests/rig/arm64-tier.sh): {Arm64ProgramVariable} must name the linux-arm64 publish of the terminal program ({(string.IsNullOrEmpty(program) ? "not set" : program + " does not exist")})");
        }
        var qemu = System.Environment.GetEnvironmentVariable(QemuVariable) is { Length: > 0 } named ? named : InstalledTool.Find("qemu-aarch64-static");
        if (qemu is null || !File.Exists(qemu))
        {
            throw new AssertFailedException("needs qemu-user to run the arm64 program: qemu-aarch64-static is not installed (apt-get install qemu-user-static; tests/rig/arm64-tier.sh installs it)");
        }
        return new TerminalProgram(qemu, ["-L", "/", Path.GetFullPath(program)],
            new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0", ["DOTNET_TieredPGO"] = "0" }, TimeSpan.FromMinutes(5));
    }

    /// <summary>The start of `terminal <paramref name="arguments"/>`, its output redirected.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in Leading.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>Runs `terminal <paramref name="arguments"/>` to its end: the exit code and everything it printed.</summary>
    public async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var start = StartInfo(arguments);
        start.Environment["LANG"] = "C";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience * 2);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException($"terminal {string.Join(' ', arguments)} did not end within {Patience * 2}");
        }
        return (process.ExitCode, await output + await error);
    }
}
