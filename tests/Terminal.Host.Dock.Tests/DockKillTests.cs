using System.Diagnostics;
using Terminal.Dock.Handheld;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// One end of a docking is a child process (tests/Terminal.Dock.Probe) on a real pty pair, killed with SIGKILL while
/// packages are on their way; the next docking, in this process, finishes the job: every record exactly once,
/// nothing purged without a receipt, both logs intact. Not beside other classes: the handshake allows each step 5 s
/// (DockHandshake.StepTimeout), and the child's and this process's ends must not be starved of the two cores by the
/// cable-cut runs, CPU-bound since their stores moved to memory (DockWorld.ScratchRoot); run alone, at the end.
/// </summary>
[TestClass]
[DoNotParallelize]
[TestCategory("Pty")]
[TestCategory("Fault")]
public sealed class DockKillTests
{
    [TestMethod]
    public async Task Docking_HostKilledMidTransfer_NextDockingResumesAndCommitsEachRecordOnce()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(31);
        var finalized = Enumerable.Range(0, 4).Select(_ => DockWorld.FinalizeSample(store, 2, 40_000, random)).ToDictionary(i => i.Sequence);
        using (var pty = PtyPair.Start())
        using (var terminalPort = PtyPair.OpenSerial(pty.DeviceEnd))
        using (var stop = new CancellationTokenSource())
        {
            var terminal = Task.Run(() => new HandheldDock(store).ServeOneAsync(terminalPort.BaseStream, stop.Token));
            using var host = ProbeProcess.Start("host", world.Folder, pty.HostEnd);
            await WaitForStagedBytesAsync(world, host);
            host.Kill();
            stop.Cancel();
            await Assert.ThrowsAsync<Exception>(() => terminal.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, "after the host was killed");
        var resumed = await DockOverPtyAsync(world, store);
        Assert.IsGreaterThan(0, resumed, "the staged bytes survived the kill and were not fetched again");
        Assert.IsEmpty(store.Outbox());
        await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, "after the next docking");
        Assert.IsEmpty(await world.DistrictStore.MissingSequencesAsync(DockWorld.TerminalId));
        await DockInvariants.AuditChainsAgreeAsync(world, store, finalized, "after the kill");
    }

    [TestMethod]
    public async Task Docking_TerminalKilledMidTransfer_NextDockingDeliversEachRecordOnce()
    {
        using var world = await DockWorld.CreateAsync();
        var random = new Random(32);
        Dictionary<long, OutboxItem> finalized;
        using (var store = world.OpenStore())
        {
            finalized = Enumerable.Range(0, 4).Select(_ => DockWorld.FinalizeSample(store, 2, 40_000, random)).ToDictionary(i => i.Sequence);
        }
        using (var pty = PtyPair.Start())
        using (var hostPort = PtyPair.OpenSerial(pty.HostEnd))
        {
            using var terminal = ProbeProcess.Start("terminal", world.Folder, pty.DeviceEnd);
            // the host speaks first: its hello must not reach the pty before the probe has opened its end
            await terminal.WaitReadyAsync();
            var host = Task.Run(() => world.Host(chunkSize: 16 * 1024, answerTimeout: TimeSpan.FromMilliseconds(500)).RunAsync(hostPort.BaseStream, CancellationToken.None));
            await WaitForStagedBytesAsync(world, terminal);
            terminal.Kill();
            await Assert.ThrowsAsync<Exception>(() => host.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        using (var store = world.OpenStore())
        {
            Assert.HasCount(4, store.Outbox(), "nothing purged: no receipt was sent before the kill");
            await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, "after the terminal was killed");
            await DockOverPtyAsync(world, store);
            Assert.IsEmpty(store.Outbox());
            await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, "after the next docking");
            await DockInvariants.AuditChainsAgreeAsync(world, store, finalized, "after the kill");
        }
    }

    /// <summary>A clean docking over a new pty pair; returns the bytes resumed from staging.</summary>
    private static async Task<long> DockOverPtyAsync(DockWorld world, TerminalStore store)
    {
        using var pty = PtyPair.Start();
        using var hostPort = PtyPair.OpenSerial(pty.HostEnd);
        using var terminalPort = PtyPair.OpenSerial(pty.DeviceEnd);
        var (entry, hostError, terminalError) = await Exchange.RunAsync(world, store, hostPort.BaseStream, terminalPort.BaseStream, world.Host(answerTimeout: TimeSpan.FromSeconds(3)));
        Assert.IsNull(hostError, hostError?.ToString());
        Assert.IsNull(terminalError, terminalError?.ToString());
        return entry!.ResumedBytes;
    }

    private static async Task WaitForStagedBytesAsync(DockWorld world, ProbeProcess probe)
    {
        var staging = Path.Combine(world.Folder, "staging");
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*.part", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0)))
        {
            Assert.IsFalse(probe.HasExited, "the probe ended before the transfer began: " + probe.Output);
            Assert.IsLessThan(60, clock.Elapsed.TotalSeconds, "no package bytes were staged within 60 s: " + probe.Output);
            await Task.Delay(5);
        }
    }

    /// <summary>The probe as a child process: <c>dotnet exec Terminal.Dock.Probe.dll …</c>.</summary>
    private sealed class ProbeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private ProbeProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) =>
            {
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }
                if (e.Data == "READY")
                {
                    _ready.TrySetResult();
                }
            };
            _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static ProbeProcess Start(params string[] args)
        {
            var start = new ProcessStartInfo(Terminal.Testing.Storage.CrashProbeProcess.DotnetHost) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(ProgramPath);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            return new ProbeProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the dock probe"));
        }

        /// <summary>Waits until the probe says READY (its port is open); fails when it ends first or says nothing within 60 s.</summary>
        public async Task WaitReadyAsync()
        {
            var ended = _process.WaitForExitAsync();
            var first = await Task.WhenAny(_ready.Task, ended).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.AreSame(_ready.Task, first, "the probe ended before its port was open: " + Output);
        }

        /// <summary>SIGKILL, and wait for it to be gone.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
            }
            _process.WaitForExit(30_000);
        }

        private static string ProgramPath
        {
            get
            {
                for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                {
                    if (File.Exists(Path.Combine(folder.FullName, "Terminal.sln")))
                    {
                        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
                        var path = Path.Combine(folder.FullName, "tests", "Terminal.Dock.Probe", "bin", configuration, "net10.0", "Terminal.Dock.Probe.dll");
                        return File.Exists(path) ? path : throw new InvalidOperationException($"the dock probe is not built at {path}: build tests/Terminal.Dock.Probe");
                    }
                }
                throw new InvalidOperationException($"the dock probe cannot be found: {AppContext.BaseDirectory} is not inside the repository");
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
