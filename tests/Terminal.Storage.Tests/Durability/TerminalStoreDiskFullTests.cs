using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// A full disk: writes fail with a clear Chinese message, what was acknowledged before stays, nothing is corrupted,
/// and the store works on once there is room. The rows fill the disk at different points, so that both the log
/// (written by LiteDB's background writer) and the data file (written by the checkpoint) run out of space first.
/// The full disk is simulated at LiteDB's stream seam
/// (<see cref="SpaceLimitedStream"/>): making a small real file system needs root mounts this test cannot do.
/// </summary>
[TestClass]
public sealed class TerminalStoreDiskFullTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    [Timeout(120_000, CooperativeCancellation = true)]
    [DataRow(200_000)]
    [DataRow(123_457)]
    [DataRow(40_001)]
    [DataRow(8_191)]
    public void Finalize_DiskFillsUp_FailsClearlyKeepsWhatWasAcknowledgedAndWorksOnWithRoom(int room)
    {
        var quota = new DiskQuota(long.MaxValue / 2);
        using var f = new StoreFixture(configure: o => o with { WrapFile = file => new SpaceLimitedStream(file, quota) });
        var acknowledged = new List<Guid>();
        f.Store.Finalize(f.SampleWithPhotos(photos: 1));
        acknowledged.Add(f.Store.Outbox()[0].RecordId);
        quota.TryGrow(quota.Free - room);

        StoreException? failure = null;
        for (var i = 0; i < 200 && failure is null; i++)
        {
            TestContext.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                var record = f.SampleWithPhotos(photos: 2);
                f.Store.SaveDraft(record, "identity");
                f.Store.Finalize(record);
                acknowledged.Add(record.RecordId);
            }
            catch (StoreException e)
            {
                failure = e;
            }
        }
        Assert.IsNotNull(failure, "the disk never filled up");
        Assert.AreEqual(StoreError.WriteFailed, failure.Error);
        StringAssert.StartsWith(failure.Message, "保存失败：终端存储已满或出现故障");
        Assert.AreEqual(StoreError.WriteFailed, Assert.ThrowsExactly<StoreException>(() => f.Store.Drafts()).Error, "a failed store must be opened again");

        quota.Add(10_000_000);
        var store = f.ReopenLoggedIn();
        var outbox = store.Outbox();
        foreach (var id in acknowledged)
        {
            var item = outbox.Single(o => o.RecordId == id);
            RecordSerializer.Deserialize(DistrictSeal.Open(f.District, TerminalStore.RecordContext(id, 1), item.SealedRecord.Span));
        }
        _ = store.Drafts();
        Assert.IsTrue(AuditVerifier.Verify(store.AuditLog(), store.SigningPublicKey.Span).IsIntact);
        store.Finalize(f.SampleWithPhotos(photos: 1));
        Assert.HasCount(outbox.Count + 1, store.Outbox());
    }

    [TestMethod]
    public void SaveDraft_LessFreeThanTheReserve_IsRefusedBeforeAnythingIsWritten()
    {
        long free = long.MaxValue;
        using var f = new StoreFixture(configure: o => o with { FreeSpace = () => free, FreeSpaceReserveBytes = 64 << 20 });
        var record = f.SampleWithPhotos(photos: 0);
        var before = (f.Store.Counts(), f.Store.Fsyncs, Lengths(f.Folder));
        free = 10 << 20;
        var e = Assert.ThrowsExactly<StoreException>(() => f.Store.SaveDraft(record, "identity"));
        Assert.AreEqual(StoreError.StorageFull, e.Error);
        Assert.AreEqual("终端存储空间不足，本次操作未保存：请先到区县对接卸载已定稿的记录，再继续采集。", e.Message);
        Assert.AreEqual(before, (f.Store.Counts(), f.Store.Fsyncs, Lengths(f.Folder)), "the refused write changed the store");
        free = long.MaxValue;
        f.Store.SaveDraft(record, "identity");
    }

    private static string Lengths(string folder) =>
        string.Join(",", Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(p => new FileInfo(p).Length));
}
