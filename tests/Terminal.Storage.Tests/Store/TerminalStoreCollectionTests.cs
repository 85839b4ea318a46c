using System.Text;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Store;

/// <summary>What the terminal app needs of the store beyond drafts: signatures, refusals, the visit list, today's count, erasing.</summary>
[TestClass]
public sealed class TerminalStoreCollectionTests
{
    [TestMethod]
    public void Finalize_SignatureNotSaved_IsRefusedAndKeepsTheDraft()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        var signed = record with { Signature = new SignatureReference(RecordSerializer.ContentHash(record), new string('1', 64), new string('2', 64), DateTimeOffset.UnixEpoch) };
        f.Store.SaveDraft(signed, "review");
        var e = Assert.ThrowsExactly<StoreException>(() => f.Store.Finalize(signed));
        Assert.AreEqual(StoreError.SignatureMissing, e.Error);
        Assert.IsNotNull(f.Store.LoadDraft(record.RecordId));
        Assert.IsEmpty(f.Store.Outbox());
    }

    [TestMethod]
    public void DeclineDraft_Draft_ErasesItsDataAndAuditsWithoutPersonalData()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 1, name: "张建国");
        f.Store.SaveDraft(record, "photos");
        Assert.IsTrue(f.Store.DeclineDraft(record.RecordId, "HomeVisit"));
        Assert.IsFalse(f.Store.DeclineDraft(record.RecordId, "HomeVisit"));
        var store = f.ReopenLoggedIn();
        Assert.IsNull(store.LoadDraft(record.RecordId));
        Assert.IsNull(store.LoadPhoto(record.RecordId, record.Photos[0].Sha256));
        Assert.IsEmpty(store.Outbox());
        var entry = store.AuditLog().Last(a => a.Action == AuditAction.Declined);
        Assert.AreEqual($"{record.RecordId:D}/v0", entry.Subject);
        Assert.AreEqual("HomeVisit", entry.Detail);
        Assert.AreEqual(1, store.AuditLog().Count(a => a.Action == AuditAction.Declined));
        Assert.IsTrue(AuditVerifier.Verify(store.ExportAudit(), store.SigningPublicKey.Span).IsIntact);
    }

    [TestMethod]
    public void InitialDataNotCollected_AfterOneFinalize_ListsTheOthersAndCollectedSinceCountsIt()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        var collected = record.Text("identity.idNumber")!;
        f.Store.LoadInitialData([
            new InitialDataEntry(collected, "甲", new Dictionary<string, string>()),
            new InitialDataEntry("650105196503120019", "张建国", new Dictionary<string, string>()),
        ]);
        Assert.HasCount(2, f.Store.InitialDataNotCollected());
        var before = f.Time.GetUtcNow();
        f.Store.Finalize(record);
        Assert.AreEqual("张建国", f.Store.InitialDataNotCollected().Single().Name);
        Assert.AreEqual(1, f.Store.CollectedSince(before));
        Assert.AreEqual(0, f.Store.CollectedSince(before.AddDays(1)));
    }

    [TestMethod]
    public void Erase_Store_RemovesItsFilesSoItIsNotProvisionedAnyMore()
    {
        using var f = new StoreFixture();
        var counts = f.Store.Counts();
        f.Store.Dispose();
        Assert.AreEqual(counts.InitialData, TerminalStore.Erase(f.Options).InitialData);
        Assert.IsFalse(TerminalStore.Exists(f.Folder));
        Assert.AreEqual(StoreError.NotProvisioned, Assert.ThrowsExactly<StoreException>(() => TerminalStore.Open(f.Options)).Error);
    }
}
