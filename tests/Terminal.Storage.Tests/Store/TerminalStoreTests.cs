using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Store;

[TestClass]
public sealed class TerminalStoreTests
{
    [TestMethod]
    public void LoadDraft_AfterReopenAndLogin_GivesTheLastSavedStep()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos();
        f.Store.SaveDraft(record with { Values = record.Values.Remove("module7.grade") }, "identity");
        f.Store.SaveDraft(record, "module7");
        var draft = f.ReopenLoggedIn().LoadDraft(record.RecordId);
        Assert.IsNotNull(draft);
        Assert.AreEqual("module7", draft.Step);
        CollectionAssert.AreEqual(RecordSerializer.Serialize(record), RecordSerializer.Serialize(draft.Record));
        Assert.HasCount(1, f.Store.Drafts());
    }

    [TestMethod]
    public void LoadDraft_LoggedOut_IsRefusedInChinese()
    {
        using var f = new StoreFixture();
        var e = Assert.ThrowsExactly<StoreException>(() => f.Reopen().LoadDraft(Guid.NewGuid()));
        Assert.AreEqual(StoreError.NotLoggedIn, e.Error);
        StringAssert.StartsWith(e.Message, "请先登录");
    }

    [TestMethod]
    [DataRow(DistrictSuite.P256)]
    [DataRow(DistrictSuite.Sm2)]
    public void Finalize_Draft_MovesItToTheOutboxSealedForTheDistrictOnly(DistrictSuite suite)
    {
        using var f = new StoreFixture(suite);
        var record = f.SampleWithPhotos(photos: 2);
        f.Store.SaveDraft(record, "signature");
        var photo = f.Store.LoadPhoto(record.RecordId, record.Photos[1].Sha256)!;
        f.Store.Finalize(record);

        var store = f.ReopenLoggedIn();
        Assert.IsNull(store.LoadDraft(record.RecordId));
        Assert.IsNull(store.LoadPhoto(record.RecordId, record.Photos[1].Sha256));
        var item = store.Outbox().Single();
        Assert.AreEqual(suite, item.Suite);
        var opened = DistrictSeal.Open(f.District, TerminalStore.RecordContext(record.RecordId, record.Version), item.SealedRecord.Span);
        CollectionAssert.AreEqual(RecordSerializer.Serialize(record), opened);
        Assert.HasCount(2, item.SealedPhotos);
        CollectionAssert.AreEqual(photo, DistrictSeal.Open(f.District, TerminalStore.FinalizedPhotoContext(record.RecordId, 1), item.SealedPhotos[1].Span));
        Assert.AreEqual(new StoreCounts(0, 1, 1, 0, store.Counts().AuditEntries), store.Counts());
    }

    [TestMethod]
    public void Finalize_SignedRecord_SealsTheStrokesAndImageForTheDistrict()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        var strokes = f.Store.LoadPhoto(record.RecordId, record.Signature!.StrokesSha256)!;
        var image = f.Store.LoadPhoto(record.RecordId, record.Signature.ImageSha256)!;
        var item = f.Store.Finalize(record);
        var stored = f.ReopenLoggedIn().Outbox().Single();
        CollectionAssert.AreEqual(strokes, DistrictSeal.Open(f.District, TerminalStore.SignatureStrokesContext(record.RecordId, 1), stored.SealedStrokes.Span));
        CollectionAssert.AreEqual(image, DistrictSeal.Open(f.District, TerminalStore.SignatureImageContext(record.RecordId, 1), stored.SealedSignatureImage.Span));
        Assert.IsTrue(item.SealedStrokes.Span.SequenceEqual(stored.SealedStrokes.Span));
        Assert.ThrowsExactly<BrokenSealException>(() => DistrictSeal.Open(f.District, TerminalStore.SignatureImageContext(record.RecordId, 1), stored.SealedStrokes.Span), "each part opens only under its own context");
    }

    [TestMethod]
    public void Finalize_SignedButStrokesNotSaved_IsRefusedAndChangesNothing()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        var unsaved = record with { Signature = record.Signature! with { StrokesSha256 = new string('0', 64) } };
        var e = Assert.ThrowsExactly<StoreException>(() => f.Store.Finalize(unsaved));
        Assert.AreEqual(StoreError.SignatureMissing, e.Error);
        StringAssert.Contains(e.Message, "重新签字");
        Assert.IsEmpty(f.Store.Outbox());
    }

    [TestMethod]
    public void Finalize_SameVersionTwice_IsRefused()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        f.Store.Finalize(record);
        Assert.AreEqual(StoreError.AlreadyFinalized, Assert.ThrowsExactly<StoreException>(() => f.Store.Finalize(record)).Error);
        Assert.HasCount(1, f.Store.Outbox());
    }

    [TestMethod]
    public void Finalize_PhotoNotSaved_IsRefusedAndChangesNothing()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 1);
        f.Store.SaveDraft(record, "photos");
        var missing = record with { Photos = [record.Photos[0] with { Sha256 = new string('0', 64) }] };
        Assert.AreEqual(StoreError.PhotoMissing, Assert.ThrowsExactly<StoreException>(() => f.Store.Finalize(missing)).Error);
        Assert.IsNotNull(f.Store.LoadDraft(record.RecordId));
        Assert.IsEmpty(f.Store.Outbox());
    }

    [TestMethod]
    public void HasCollected_AfterFinalize_IsTrueForThatIdNumberOnly()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        var idNumber = record.Text("identity.idNumber")!;
        Assert.IsFalse(f.Store.HasCollected(idNumber));
        f.Store.Finalize(record);
        Assert.IsTrue(f.ReopenLoggedIn().HasCollected(idNumber.ToLowerInvariant()));
        Assert.IsFalse(f.Store.HasCollected("650105196503120217"));
    }

    [TestMethod]
    public void Purge_AfterReceipt_RemovesTheOutboxItemAndIsAudited()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 0);
        f.Store.Finalize(record);
        Assert.IsTrue(f.Store.Purge(record.RecordId, 1));
        Assert.IsFalse(f.Store.Purge(record.RecordId, 1));
        Assert.IsEmpty(f.Reopen().Outbox());
        Assert.AreEqual(AuditAction.Purge, f.Store.AuditLog()[^1].Action);
    }

    [TestMethod]
    public void DiscardDraft_RemovesDraftAndPhotos()
    {
        using var f = new StoreFixture();
        var record = f.SampleWithPhotos(photos: 1);
        f.Store.SaveDraft(record, "photos");
        Assert.IsTrue(f.Store.DiscardDraft(record.RecordId));
        Assert.IsNull(f.Store.LoadDraft(record.RecordId));
        Assert.IsNull(f.Store.LoadPhoto(record.RecordId, record.Photos[0].Sha256));
    }

    [TestMethod]
    public void FindInitialData_ByIdNumberOrName_GivesTheRosterEntry()
    {
        using var f = new StoreFixture();
        var zhang = new InitialDataEntry("650105196503120137", "张建国", new Dictionary<string, string> { ["personal.enlistmentDate"] = "1983-10-01" });
        var li = new InitialDataEntry("650105197001010017", "李 明", new Dictionary<string, string>());
        var li2 = new InitialDataEntry("650105197202020013", "李明", new Dictionary<string, string>());
        f.Store.LoadInitialData([zhang, li, li2]);
        var store = f.ReopenLoggedIn();
        Assert.AreEqual("1983-10-01", store.FindInitialData("650105196503120137")!.Values["personal.enlistmentDate"]);
        Assert.IsNull(store.FindInitialData("650105196503120217"));
        Assert.HasCount(2, store.FindInitialDataByName("李明"));
        Assert.AreEqual("张建国", store.FindInitialDataByName(" 张建国 ").Single().Name);
        Assert.AreEqual(3, store.Counts().InitialData);
    }

    [TestMethod]
    public void FindInitialDataByInitials_TypedInitials_FindsEveryReadingOfPolyphonicNames()
    {
        using var f = new StoreFixture();
        f.Store.LoadInitialData([
            new InitialDataEntry("650105196503120137", "张建国", new Dictionary<string, string>()),
            new InitialDataEntry("650105197001010017", "赵家贵", new Dictionary<string, string>()),
            new InitialDataEntry("650105197202020013", "单晓燕", new Dictionary<string, string>()),
            new InitialDataEntry("650105198001010011", "阿依古丽·买买提", new Dictionary<string, string>()),
        ]);
        var store = f.ReopenLoggedIn();
        CollectionAssert.AreEquivalent(new[] { "张建国", "赵家贵" }, store.FindInitialDataByInitials("zjg").Select(e => e.Name).ToArray());
        Assert.AreEqual("张建国", store.FindInitialDataByInitials(" Z J G ").First(e => e.Name == "张建国").Name);
        Assert.AreEqual("单晓燕", store.FindInitialDataByInitials("sxy").Single().Name, "单 read shàn as a surname");
        Assert.AreEqual("单晓燕", store.FindInitialDataByInitials("dxy").Single().Name);
        Assert.AreEqual("阿依古丽·买买提", store.FindInitialDataByInitials("ayglmmt").Single().Name);
        Assert.IsEmpty(store.FindInitialDataByInitials("zj"));
        var error = Assert.ThrowsExactly<ArgumentException>(() => store.FindInitialDataByInitials("张jg"));
        StringAssert.Contains(error.Message, "拼音首字母只能是英文字母");
    }

    [TestMethod]
    public void AuditLog_AfterAWorkingDay_VerifiesAndExportEndsSigned()
    {
        using var f = new StoreFixture(configure: o => o with { AuditCheckpointEvery = 5 });
        for (var i = 0; i < 4; i++)
        {
            var record = f.SampleWithPhotos(photos: 1);
            f.Store.RecordCardRead(record.Text("identity.idNumber")!);
            f.Store.SaveDraft(record, "identity");
            f.Store.Finalize(record);
        }
        f.Store.RecordAction(AuditAction.Dock);
        var store = f.ReopenLoggedIn();
        var live = store.AuditLog();
        Assert.IsTrue(AuditVerifier.Verify(live, store.SigningPublicKey.Span).IsIntact);
        Assert.IsTrue(live.Any(e => e.IsCheckpoint));
        var report = AuditVerifier.Verify(store.ExportAudit(), store.SigningPublicKey.Span);
        Assert.IsTrue(report.IsIntact, string.Join("; ", report.Problems.Select(p => p.Message)));
        Assert.AreEqual(report.EntryCount, report.LastSignedSequence);
    }

    [TestMethod]
    public void Open_SecondTimeWhileOpen_SaysTheStoreIsInUse()
    {
        using var f = new StoreFixture();
        Assert.AreEqual(StoreError.InUse, Assert.ThrowsExactly<StoreException>(() => TerminalStore.Open(f.Options)).Error);
    }

    [TestMethod]
    public void Provision_FolderWithAStore_IsRefused()
    {
        using var f = new StoreFixture();
        var e = Assert.ThrowsExactly<StoreException>(() => TerminalStore.Provision(f.Options, new TerminalProvisioning("T2", f.District.PublicKey, f.Recovery, "op-1", "135790")));
        Assert.AreEqual(StoreError.AlreadyProvisioned, e.Error);
    }

    [TestMethod]
    public void Open_EmptyFolder_SaysTheTerminalIsNotProvisioned() =>
        Assert.AreEqual(StoreError.NotProvisioned, Assert.ThrowsExactly<StoreException>(() => TerminalStore.Open(new TerminalStoreOptions { Folder = Path.GetTempPath() + Guid.NewGuid() })).Error);
}
