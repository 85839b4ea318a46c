using System.Diagnostics;
using System.Globalization;
using Terminal.Storage.Sealing;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// The crash harness: the probe works on the store in a child process (drafts, photos, finalizes, purges) and is
/// killed with SIGKILL at a random instant, 200 times; each new probe opens the store the last one left (LiteDB's
/// recovery) before it works on. After each kill the store files are copied as they are and checked here, while the
/// next probe starts: every finalize the probe acknowledged is in the outbox (unless a purge of it had begun) and
/// opens with the district's private key, every purge it acknowledged is gone, nothing is half-written (every draft and outbox item and photo opens, no
/// record is both a draft and finalized), and the audit chain verifies without a missing entry.
/// </summary>
[TestClass]
public sealed class TerminalStoreCrashTests
{
    private const int Kills = 200;
    private const int MaxMillisecondsAfterReady = 300;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Store_KilledAtRandomInstants_KeepsEveryAcknowledgedFinalizeAndStaysConsistent()
    {
        using var f = new StoreFixture(DistrictSuite.P256);
        f.Store.Dispose();
        var random = new Random(20181105);
        var acknowledged = new AcknowledgedWork();
        var clock = Stopwatch.StartNew();
        int killedWhileFinalizing = 0, checkedSnapshots = 0;
        Task check = Task.CompletedTask;
        var starting = new Stopwatch();
        for (var kill = 0; kill < Kills; kill++)
        {
            TestContext.CancellationToken.ThrowIfCancellationRequested();
            using (var probe = ProbeProcess.Start([], "work", f.Folder, StoreFixture.OperatorId, StoreFixture.Pin, kill.ToString(CultureInfo.InvariantCulture)))
            {
                starting.Start();
                var ready = probe.WaitForLine("READY", TimeSpan.FromSeconds(60));
                starting.Stop();
                if (!ready)
                {
                    probe.Kill();
                    Assert.Fail($"kill {kill}: the probe did not open the store the last one left: {probe.WaitForExit(TimeSpan.FromSeconds(10))}");
                }
                Thread.Sleep(random.Next(0, MaxMillisecondsAfterReady));
                probe.Kill();
                acknowledged.Add(probe.Lines);
                killedWhileFinalizing += probe.Lines[^1].StartsWith("BEGIN FINALIZE", StringComparison.Ordinal) ? 1 : 0;
            }
            check.Wait();
            var snapshot = Snapshot(f.Folder, kill);
            var (expected, number) = (acknowledged.Copy(), kill);
            check = Task.Run(() =>
            {
                try
                {
                    expected.Check(f.Options with { Folder = snapshot }, StoreFixture.OperatorId, StoreFixture.Pin, f.District, $"kill {number}");
                }
                finally
                {
                    Directory.Delete(snapshot, recursive: true);
                }
                checkedSnapshots++;
            });
        }
        check.Wait();
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Kills} kills in {clock.Elapsed.TotalSeconds:F0} s; {acknowledged.Finalized} finalizes and {acknowledged.Purged} purges acknowledged; {killedWhileFinalizing} kills inside Finalize; {checkedSnapshots} restarts checked; starting probes took {starting.Elapsed.TotalSeconds:F0} s"));
        Assert.AreEqual(Kills, checkedSnapshots);
        Assert.IsGreaterThan(50, acknowledged.Finalized, "the probe acknowledged too few finalizes for the test to mean much");
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
