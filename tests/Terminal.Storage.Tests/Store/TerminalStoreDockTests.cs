using Terminal.Storage.Audit;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Store;

/// <summary>What the dock link needs of the store: sequence numbers, purge by receipt, and the host's pushes.</summary>
[TestClass]
public sealed class TerminalStoreDockTests
{
    [TestMethod]
    public void Finalize_AfterPurgeAndReopen_SequenceNumbersAreNeverReused()
    {
        using var f = new StoreFixture();
        var first = f.Store.Finalize(f.SampleWithPhotos(0));
        var second = f.Store.Finalize(f.SampleWithPhotos(0));
        Assert.AreEqual(1, first.Sequence);
        Assert.AreEqual(2, second.Sequence);
        CollectionAssert.AreEqual(new long[] { 1, 2 }, f.Store.PurgeReceipted([1, 2], "ab12").ToArray());
        var third = f.ReopenLoggedIn().Finalize(f.SampleWithPhotos(0));
        Assert.AreEqual(3, third.Sequence);
        Assert.AreEqual(3, f.Store.LastSequence);
    }

    [TestMethod]
    public void PurgeReceipted_SomeNotInTheOutbox_PurgesTheOthersAndAuditsTheReceipt()
    {
        using var f = new StoreFixture();
        f.Store.Finalize(f.SampleWithPhotos(1));
        f.Store.Finalize(f.SampleWithPhotos(1));
        var purged = f.Store.PurgeReceipted([2, 7], "feed");
        CollectionAssert.AreEqual(new long[] { 2 }, purged.ToArray());
        Assert.AreEqual(1, f.Store.Outbox().Single().Sequence);
        var purges = f.Store.AuditLog().Where(e => e.Action == AuditAction.Purge).ToList();
        Assert.HasCount(1, purges);
        Assert.AreEqual("receipt:feed", purges[0].Detail);
    }

    [TestMethod]
    public void ApplyOperators_SamePushTwice_AppliesOnceAndTheNewOperatorLogsIn()
    {
        using var f = new StoreFixture();
        var push = Guid.NewGuid();
        Assert.AreEqual(PushOutcome.Applied, f.Store.ApplyOperators(push, [new OperatorUpdate("op-0402", "975310"), new OperatorUpdate(StoreFixture.OperatorId, null, Remove: true)]));
        Assert.AreEqual(PushOutcome.AlreadyApplied, f.Store.ApplyOperators(push, [new OperatorUpdate("op-0403", "975310")]));
        var store = f.Reopen();
        Assert.IsTrue(store.Login("op-0402", "975310").Succeeded);
        Assert.IsFalse(store.Login(StoreFixture.OperatorId, StoreFixture.Pin).Succeeded, "the removed operator");
        Assert.IsFalse(store.Login("op-0403", "975310").Succeeded, "the push sent again was not applied");
    }

    [TestMethod]
    public void ApplyOperators_OneWeakPin_ChangesNothing()
    {
        using var f = new StoreFixture();
        var e = Assert.ThrowsExactly<StoreException>(() => f.Store.ApplyOperators(Guid.NewGuid(), [new OperatorUpdate("op-0402", "975310"), new OperatorUpdate("op-0403", "12")]));
        Assert.AreEqual(StoreError.PinRejected, e.Error);
        Assert.IsFalse(f.Reopen().Login("op-0402", "975310").Succeeded);
    }

    [TestMethod]
    public void ApplyInitialDataUpdate_AddsReplacesAndRemoves_InOneAuditedStep()
    {
        using var f = new StoreFixture();
        var id1 = Terminal.Testing.SampleRecords.IdNumberFor(new DateOnly(1960, 1, 1), 11);
        var id2 = Terminal.Testing.SampleRecords.IdNumberFor(new DateOnly(1961, 2, 2), 13);
        f.Store.LoadInitialData([new InitialDataEntry(id1, "张建国", new Dictionary<string, string>()), new InitialDataEntry(id2, "李明", new Dictionary<string, string>())]);
        var id3 = Terminal.Testing.SampleRecords.IdNumberFor(new DateOnly(1962, 3, 3), 15);
        f.Store.ApplyInitialDataUpdate(Guid.NewGuid(), [new InitialDataEntry(id1, "张建国", new Dictionary<string, string> { ["personal.street"] = "650105007" }), new InitialDataEntry(id3, "单晓燕", new Dictionary<string, string>())], [id2]);
        Assert.AreEqual("650105007", f.Store.FindInitialData(id1)!.Values["personal.street"]);
        Assert.IsNull(f.Store.FindInitialData(id2));
        Assert.IsNotNull(f.Store.FindInitialDataByInitials("sxy").SingleOrDefault());
        Assert.AreEqual(2, f.Store.Counts().InitialData);
        Assert.AreEqual("+2 -1", f.Store.AuditLog().Last(e => e.Action == AuditAction.InitialDataUpdated).Detail);
    }

    [TestMethod]
    public void ApplyCorrections_ThenReopen_TheListIsReadBackAndReplacedByTheNext()
    {
        using var f = new StoreFixture();
        var record = Guid.NewGuid();
        f.Store.ApplyCorrections(Guid.NewGuid(), [new CorrectionItem(record, 1, CorrectionKind.Missing, ["photos.PersonalPhoto"], "缺少个人免冠近照")]);
        var store = f.ReopenLoggedIn();
        var item = store.Corrections().Single();
        Assert.AreEqual(record, item.RecordId);
        Assert.AreEqual(CorrectionKind.Missing, item.Kind);
        Assert.AreEqual("缺少个人免冠近照", item.Note);
        store.ApplyCorrections(Guid.NewGuid(), []);
        Assert.IsEmpty(store.Corrections());
    }

    [TestMethod]
    public void ApplyCorrections_LaterPart_AddsToTheListAndKeepsTheReviewedRecord()
    {
        using var f = new StoreFixture();
        var first = new CorrectionItem(Guid.NewGuid(), 2, CorrectionKind.Problem, ["module7.grade"], "等级不符") { ReviewedRecord = "{\"recordId\":1}" };
        var second = new CorrectionItem(Guid.NewGuid(), 1, CorrectionKind.Missing, ["photos.PersonalPhoto"], "缺照片");
        f.Store.ApplyCorrections(Guid.NewGuid(), [first]);
        f.Store.ApplyCorrections(Guid.NewGuid(), [second], replace: false);
        var list = f.ReopenLoggedIn().Corrections();
        CollectionAssert.AreEqual(new[] { first.RecordId, second.RecordId }, list.Select(i => i.RecordId).ToList());
        Assert.AreEqual(first.ReviewedRecord, list[0].ReviewedRecord);
    }

    [TestMethod]
    public void ApplyHostClock_RecordsTheOffsetWithoutLogin()
    {
        using var f = new StoreFixture();
        var store = f.Reopen();
        var host = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(7).ToUnixTimeMilliseconds());
        Assert.AreEqual(PushOutcome.Applied, store.ApplyHostClock(Guid.NewGuid(), host));
        var (at, offset) = f.Reopen().HostClock!.Value;
        Assert.AreEqual(host, at);
        Assert.IsTrue(offset > TimeSpan.FromMinutes(6.9) && offset < TimeSpan.FromMinutes(7.1), offset.ToString());
        Assert.AreEqual(AuditAction.ClockSynced, f.Store.AuditLog()[^1].Action);
    }
}
