using System.Diagnostics;
using System.Globalization;
using Terminal.Storage.Store;

namespace Terminal.Testing.Storage;

/// <summary>
/// The store's crash harness (the store tests run it 200 times, the bench's soak 2,000): the crash probe works on a
/// store in a child process (drafts, photos, finalizes, purges) and is killed with SIGKILL at a random instant;
/// each new probe opens the store the last one left (LiteDB's recovery) before it works on. After each kill the store
/// files are copied as they are and checked (<see cref="AcknowledgedWork.Check"/>) while the next probe starts.
/// </summary>
public static class CrashHarness
{
    /// <summary>The operator and PIN of the harness's stores.</summary>
    public const string OperatorId = "op-0401";

    /// <summary>The PIN of <see cref="OperatorId"/>.</summary>
    public const string Pin = "246810";

    /// <summary>Kills the probe <paramref name="kills"/> times, at most <paramref name="maxMillisecondsAfterReady"/> after it logged in.</summary>
    public static CrashHarnessResult Run(int kills, int seed, int maxMillisecondsAfterReady = 300, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crash-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var store = Path.Combine(folder, "store");
            var keyFile = Path.Combine(folder, "district.key");
            using (var provision = CrashProbeProcess.Start([], "provision", store, OperatorId, Pin, keyFile))
            {
                var error = provision.WaitForExit(TimeSpan.FromMinutes(2));
                if (provision.ExitCode != 0)
                {
                    throw new InvalidOperationException("the crash probe could not provision a store: " + error);
                }
            }
            using var district = AcknowledgedWork.ReadDistrictKey(keyFile);
            var options = new TerminalStoreOptions { Folder = store, FreeSpaceReserveBytes = 0 };
            var random = new Random(seed);
            var acknowledged = new AcknowledgedWork();
            var problems = new List<string>();
            var clock = Stopwatch.StartNew();
            var starting = new Stopwatch();
            int killedWhileFinalizing = 0, checkedSnapshots = 0;
            Task check = Task.CompletedTask;
            for (var kill = 0; kill < kills; kill++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (var probe = CrashProbeProcess.Start([], "work", store, OperatorId, Pin, (seed + kill).ToString(CultureInfo.InvariantCulture)))
                {
                    starting.Start();
                    var ready = probe.WaitForLine("READY", TimeSpan.FromSeconds(60));
                    starting.Stop();
                    if (!ready)
                    {
                        probe.Kill();
                        check.Wait(cancellationToken);
                        problems.Add($"kill {kill}: the probe did not open the store the last one left: {probe.WaitForExit(TimeSpan.FromSeconds(10))}");
                        break;
                    }
                    Thread.Sleep(random.Next(0, maxMillisecondsAfterReady));
                    probe.Kill();
                    acknowledged.Add(probe.Lines);
                    killedWhileFinalizing += probe.Lines[^1].StartsWith("BEGIN FINALIZE", StringComparison.Ordinal) ? 1 : 0;
                }
                check.Wait(cancellationToken);
                var snapshot = Snapshot(store, kill);
                var (expected, number) = (acknowledged.Copy(), kill);
                check = Task.Run(() =>
                {
                    try
                    {
                        problems.AddRange(expected.Check(options with { Folder = snapshot }, OperatorId, Pin, district, $"kill {number}"));
                    }
                    finally
                    {
                        Directory.Delete(snapshot, recursive: true);
                    }
                    checkedSnapshots++;
                }, cancellationToken);
            }
            check.Wait(cancellationToken);
            return new CrashHarnessResult(kills, checkedSnapshots, acknowledged.Finalized, acknowledged.Purged, killedWhileFinalizing, clock.Elapsed, starting.Elapsed, problems);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a killed probe may hold a file for a moment; the temporary folder is cleaned by the system
            }
        }
    }

    /// <summary>The store files exactly as the killed probe left them, in a new folder.</summary>
    private static string Snapshot(string folder, int kill)
    {
        var snapshot = folder + ".kill" + kill.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(snapshot);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(snapshot, Path.GetFileName(file)));
        }
        return snapshot;
    }
}
