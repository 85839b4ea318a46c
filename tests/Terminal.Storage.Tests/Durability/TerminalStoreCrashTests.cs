using System.Diagnostics;
using System.Globalization;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
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
        var finalized = new HashSet<(Guid, int)>();
        var purged = new HashSet<(Guid, int)>();
        var purging = new HashSet<(Guid, int)>();
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
                Collect(probe.Lines, finalized, purging, purged);
                killedWhileFinalizing += probe.Lines[^1].StartsWith("BEGIN FINALIZE", StringComparison.Ordinal) ? 1 : 0;
            }
            check.Wait();
            var snapshot = Snapshot(f.Folder, kill);
            var (expected, gone, number) = (finalized.Except(purging).ToHashSet(), purged.ToHashSet(), kill);
            check = Task.Run(() =>
            {
                CheckSnapshot(f, snapshot, expected, gone, number);
                checkedSnapshots++;
            });
        }
        check.Wait();
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Kills} kills in {clock.Elapsed.TotalSeconds:F0} s; {finalized.Count} finalizes and {purged.Count} purges acknowledged; {killedWhileFinalizing} kills inside Finalize; {checkedSnapshots} restarts checked; starting probes took {starting.Elapsed.TotalSeconds:F0} s"));
        Assert.AreEqual(Kills, checkedSnapshots);
        Assert.IsGreaterThan(50, finalized.Count, "the probe acknowledged too few finalizes for the test to mean much");
    }

    private static void Collect(IReadOnlyList<string> lines, HashSet<(Guid, int)> finalized, HashSet<(Guid, int)> purging, HashSet<(Guid, int)> purged)
    {
        foreach (var line in lines)
        {
            switch (line.Split(' '))
            {
                case ["ACK", "FINALIZE", var id, var v]:
                    finalized.Add((Guid.Parse(id), int.Parse(v, CultureInfo.InvariantCulture)));
                    break;
                case ["BEGIN", "PURGE", var id, var v]:
                    purging.Add((Guid.Parse(id), int.Parse(v, CultureInfo.InvariantCulture)));
                    break;
                case ["ACK", "PURGE", var id, var v]:
                    purged.Add((Guid.Parse(id), int.Parse(v, CultureInfo.InvariantCulture)));
                    break;
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

    private static void CheckSnapshot(StoreFixture f, string snapshot, HashSet<(Guid, int)> finalized, HashSet<(Guid, int)> purged, int kill)
    {
        try
        {
            using var store = TerminalStore.Open(f.Options with { Folder = snapshot });
            Assert.IsTrue(store.Login(StoreFixture.OperatorId, StoreFixture.Pin).Succeeded, $"kill {kill}: login failed");
            var outbox = store.Outbox();
            var present = outbox.Select(i => (i.RecordId, i.Version)).ToHashSet();
            foreach (var acknowledged in finalized)
            {
                Assert.Contains(acknowledged, present, $"kill {kill}: acknowledged finalize {acknowledged} is missing");
            }
            foreach (var gone in purged)
            {
                Assert.DoesNotContain(gone, present, $"kill {kill}: acknowledged purge {gone} is still in the outbox");
            }
            foreach (var item in outbox)
            {
                var record = RecordSerializer.Deserialize(DistrictSeal.Open(f.District, TerminalStore.RecordContext(item.RecordId, item.Version), item.SealedRecord.Span));
                Assert.AreEqual(item.RecordId, record.RecordId);
                Assert.HasCount(record.Photos.Length, item.SealedPhotos);
                foreach (var photo in item.SealedPhotos)
                {
                    DistrictSeal.Open(f.District, TerminalStore.FinalizedPhotoContext(item.RecordId, item.Version), photo.Span);
                }
            }
            var drafts = store.Drafts();
            Assert.IsFalse(drafts.Any(d => present.Contains((d.Record.RecordId, d.Record.Version))), $"kill {kill}: a record is both a draft and finalized");
            var audit = AuditVerifier.Verify(store.AuditLog(), store.SigningPublicKey.Span);
            Assert.IsTrue(audit.IsIntact, $"kill {kill}: {string.Join("; ", audit.Problems.Select(p => p.Message))}");
            Assert.AreEqual(audit.EntryCount, store.Counts().AuditEntries, $"kill {kill}: audit entries are missing");
        }
        finally
        {
            Directory.Delete(snapshot, recursive: true);
        }
    }
}
