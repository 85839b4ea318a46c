using System.Collections.Concurrent;
using System.Diagnostics;

namespace Terminal.Testing.Storage;

/// <summary>
/// The crash probe (tests/Terminal.Storage.CrashProbe) as a child process, optionally under a wrapper command
/// (strace). Its stdout lines are collected as they come; <see cref="Kill"/> sends SIGKILL.
/// </summary>
public sealed class CrashProbeProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly List<string> _all = [];
    private readonly Task _reader;

    private CrashProbeProcess(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAll);
    }

    /// <summary>Every stdout line so far (complete once the process has exited and <see cref="WaitForExit"/> returned).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>
    /// The probe's program, as built in Release by the projects that reference it (Terminal.Storage.Tests,
    /// Terminal.Bench): found from the repository's root above this assembly, or named by TERMINAL_CRASH_PROBE.
    /// </summary>
    public static string ProgramPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("TERMINAL_CRASH_PROBE") is { Length: > 0 } named)
            {
                return File.Exists(named) ? named : throw new InvalidOperationException($"TERMINAL_CRASH_PROBE names {named}, which does not exist");
            }
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Terminal.sln")))
                {
                    var path = Path.Combine(folder.FullName, "tests", "Terminal.Storage.CrashProbe", "bin", "Release", "net10.0", "Terminal.Storage.CrashProbe.dll");
                    return File.Exists(path) ? path : throw new InvalidOperationException($"the crash probe is not built at {path}: build tests/Terminal.Storage.CrashProbe -c Release");
                }
            }
            throw new InvalidOperationException($"the crash probe cannot be found: {AppContext.BaseDirectory} is not inside the repository (set TERMINAL_CRASH_PROBE)");
        }
    }

    /// <summary>The dotnet host running the tests.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Starts the probe: <c>[wrapper…] dotnet exec probe.dll args…</c>.</summary>
    public static CrashProbeProcess Start(IEnumerable<string> wrapper, params string[] args)
    {
        var command = wrapper.Concat([DotnetHost, "exec", ProgramPath]).Concat(args).ToList();
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_TC_QuickJitForLoops"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new CrashProbeProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}"));
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/>; false at the deadline or when the process ended first.</summary>
    public bool WaitForLine(string prefix, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_lines.TryTake(out var line, TimeSpan.FromMilliseconds(20)))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (_lines.IsCompleted)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>SIGKILL (Process.Kill on Linux), then waits for the exit and the last lines.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
        WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for the process to exit and its stdout to close; its stderr when it failed.</summary>
    public string WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            throw new TimeoutException("the crash probe did not exit in time");
        }
        _reader.Wait(timeout);
        return _process.StandardError.ReadToEnd();
    }

    /// <summary>The probe's exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
        _lines.Dispose();
    }

    private async Task ReadAll()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_all)
            {
                _all.Add(line);
            }
            _lines.Add(line);
        }
        _lines.CompleteAdding();
    }
}
