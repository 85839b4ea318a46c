using System.Diagnostics;
using System.Security.Cryptography;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;
using Terminal.Testing;
using Terminal.Testing.Storage;

namespace Terminal.Storage.Tests.Store;

/// <summary>
/// The correction round trip on the terminal's side (数据补缺): an item of the list opened as a draft of version N+1
/// from the reviewed record the district sent, finalized with the reviewed photos the district holds named by hash
/// only, and refused for anything the item does not vouch for.
/// </summary>
[TestClass]
public sealed class TerminalStoreCorrectionTests
{
    private static readonly DateOnly Today = new(2019, 3, 4);

    [TestMethod]
    public void BeginCorrection_ItemOfTheList_StartsVersionTwoWithTheReviewedValuesSourcesCategoriesAndPhotos()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed() with { TerminalId = "T650105-07", OperatorId = "op-0702" };
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var draft = Begin(f.Store, reviewed);
        var loaded = f.Store.LoadDraft(reviewed.RecordId)!;
        Assert.AreEqual(2, loaded.Record.Version);
        Assert.AreEqual(("T650105-04", StoreFixture.OperatorId, Today), (loaded.Record.TerminalId, loaded.Record.OperatorId, loaded.Record.CollectedOn));
        CollectionAssert.AreEqual(reviewed.Values.ToList(), loaded.Record.Values.ToList(), "the values with their sources");
        Assert.AreEqual(FieldSource.Chip, loaded.Record.Values["identity.name"].Source);
        Assert.AreEqual(reviewed.Categories, loaded.Record.Categories);
        CollectionAssert.AreEqual(reviewed.Photos.ToList(), loaded.Record.Photos.ToList());
        Assert.IsNull(loaded.Record.Signature, "the subject signs the corrected content again");
        Assert.AreEqual("module7", loaded.Step);
        CollectionAssert.AreEqual(draft.Correction!.DistrictPhotos.ToList(), loaded.Correction!.DistrictPhotos.ToList());
        Assert.AreEqual((CorrectionKind.Problem, 1, SampleCorrections.GradeNote), (loaded.Correction!.Kind, loaded.Correction.ReviewedVersion, loaded.Correction.Note));
        CollectionAssert.AreEqual(new[] { "module7.grade", "photos.PersonalPhoto" }, loaded.Correction.FieldPaths.ToList());
        CollectionAssert.AreEqual(reviewed.Photos.Select(p => p.Sha256).ToList(), loaded.Correction.DistrictPhotos.ToList());
        Assert.AreEqual(TerminalCorrectionState.InProgress, f.Store.CorrectionList().Single().State);
        var audit = f.Store.AuditLog().Single(a => a.Action == AuditAction.CorrectionStarted);
        Assert.AreEqual(($"{reviewed.RecordId:D}/v2", "1"), (audit.Subject, audit.Detail));
    }

    [TestMethod]
    public void BeginCorrection_Twice_GivesTheDraftAsLastSaved()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var first = Begin(f.Store, reviewed);
        f.Store.SaveDraft(first.Record.With("module7.grade", "5"), "living");
        var again = f.Store.BeginCorrection(reviewed.RecordId, 1, _ => throw new AssertFailedException("a draft exists: nothing is built again"), "module7");
        Assert.AreEqual(("5", "living"), (again.Record.Text("module7.grade"), again.Step));
        Assert.IsNotNull(again.Correction, "the correction stays with the draft through its saves");
        Assert.AreEqual(1, f.Store.AuditLog().Count(a => a.Action == AuditAction.CorrectionStarted));
    }

    [TestMethod]
    public void Finalize_VersionTwoKeepingDistrictPhotos_PackageCarriesOnlyTheRetakenPhotoAndTheItemIsAnswered()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var draft = Begin(f.Store, reviewed).Record;
        var retaken = RandomNumberGenerator.GetBytes(4000);
        var sha = f.Store.SavePhoto(draft.RecordId, retaken);
        var personal = new PhotoReference(PhotoKind.PersonalPhoto, sha, retaken.Length, "image/jpeg", 720, 960);
        var corrected = draft.With("module7.grade", "5") with { Photos = [.. draft.Photos.Where(p => p.Kind != PhotoKind.PersonalPhoto), personal] };
        var signed = SampleSignatures.Sign(f.Store, corrected);
        f.Store.SaveDraft(signed, "review");
        var item = f.Store.Finalize(signed);

        Assert.AreEqual(2, item.Version);
        var opened = RecordSerializer.Deserialize(DistrictSeal.Open(f.District, TerminalStore.RecordContext(reviewed.RecordId, 2), item.SealedRecord.Span));
        Assert.AreEqual((reviewed.RecordId, 2, "5"), (opened.RecordId, opened.Version, opened.Text("module7.grade")));
        var kept = reviewed.Photos.Where(p => p.Kind != PhotoKind.PersonalPhoto).Select(p => p.Sha256).ToList();
        CollectionAssert.AreEqual(kept.Append(sha).ToList(), opened.Photos.Select(p => p.Sha256).ToList(), "the kept photos by hash, and the new one");
        var carried = item.SealedPhotos.Single();
        CollectionAssert.AreEqual(retaken, DistrictSeal.Open(f.District, TerminalStore.FinalizedPhotoContext(reviewed.RecordId, 2), carried.Span), "only the photo taken here travels");
        Assert.AreEqual(RecordSerializer.ContentHash(opened), opened.Signature!.ContentSha256, "signed again for the corrected content");

        var store = f.ReopenLoggedIn();
        Assert.AreEqual(TerminalCorrectionState.Corrected, store.CorrectionList().Single().State);
        Assert.IsNull(store.LoadDraft(reviewed.RecordId));
        var again = Assert.ThrowsExactly<StoreException>(() => Begin(store, reviewed));
        Assert.AreEqual(StoreError.CorrectionRefused, again.Error);
        StringAssert.Contains(again.Message, "已补正");
    }

    [TestMethod]
    public void ApplyCorrections_AfterVersionTwoWasPulled_AStaleListCannotReopenTheItemAndTheNextListDropsIt()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        var item = SampleCorrections.GradeProblem(reviewed);
        f.Store.ApplyCorrections(Guid.NewGuid(), [item]);
        var finalized = f.Store.Finalize(SampleSignatures.Sign(f.Store, Begin(f.Store, reviewed).Record));
        f.Store.PurgeReceipted([finalized.Sequence], "ab12");
        f.Store.ApplyCorrections(Guid.NewGuid(), [item]); // built before the pull
        Assert.AreEqual(TerminalCorrectionState.Corrected, f.Store.CorrectionList().Single().State);
        Assert.AreEqual(StoreError.CorrectionRefused, Assert.ThrowsExactly<StoreException>(() => Begin(f.Store, reviewed)).Error, "version 2 is not made twice");
        f.Store.ApplyCorrections(Guid.NewGuid(), []); // built after the pull
        Assert.IsEmpty(f.Store.CorrectionList());
    }

    [TestMethod]
    public void Finalize_VersionTwoNamingAPhotoNeitherHeldNorReviewed_IsRefusedAndKeepsTheDraft()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var draft = Begin(f.Store, reviewed).Record;
        var stranger = new PhotoReference(PhotoKind.DocumentPhoto, SampleRecords.Hash("not the district's, not here"), 9000, "image/jpeg", 1280, 960, "户口本首页");
        var signed = SampleSignatures.Sign(f.Store, draft with { Photos = [.. draft.Photos, stranger] });
        f.Store.SaveDraft(signed, "review");
        var refused = Assert.ThrowsExactly<StoreException>(() => f.Store.Finalize(signed));
        Assert.AreEqual(StoreError.PhotoMissing, refused.Error);
        Assert.IsEmpty(f.Store.Outbox());
        Assert.IsNotNull(f.Store.LoadDraft(reviewed.RecordId));
        Assert.AreEqual(TerminalCorrectionState.InProgress, f.Store.CorrectionList().Single().State);
    }

    [TestMethod]
    public void Finalize_VersionTwoNotOpenedFromTheList_DoesNotAcceptTheReviewedPhotos()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        var forged = SampleSignatures.Sign(f.Store, reviewed.NextVersion("T650105-04", StoreFixture.OperatorId, Today));
        f.Store.SaveDraft(forged, "review");
        Assert.AreEqual(StoreError.PhotoMissing, Assert.ThrowsExactly<StoreException>(() => f.Store.Finalize(forged)).Error);
    }

    [TestMethod]
    public void BeginCorrection_EmptyOrDamagedReviewedRecord_IsRefusedAskingToDockAgain()
    {
        var reviewed = SampleCorrections.Reviewed();
        var item = SampleCorrections.GradeProblem(reviewed);
        foreach (var bad in new[] { "", item.ReviewedRecord[..^40], item.ReviewedRecord.Replace(",\"version\":1", ", \"version\":1", StringComparison.Ordinal), "{\"recordId\":1}" })
        {
            using var f = new StoreFixture();
            f.Store.ApplyCorrections(Guid.NewGuid(), [item with { ReviewedRecord = bad }]);
            var refused = Assert.ThrowsExactly<StoreException>(() => Begin(f.Store, reviewed));
            Assert.AreEqual(StoreError.CorrectionUnreadable, refused.Error);
            StringAssert.Contains(refused.Message, "请重新对接以再次接收");
            Assert.IsNull(f.Store.LoadDraft(reviewed.RecordId), "nothing is started");
        }
    }

    [TestMethod]
    public void BeginCorrection_ReviewedRecordOfAnotherRecordOrVersion_IsRefused()
    {
        var reviewed = SampleCorrections.Reviewed();
        var other = SampleCorrections.GradeProblem(SampleCorrections.Reviewed());
        var laterVersion = SampleCorrections.GradeProblem(reviewed with { Version = 3 });
        foreach (var body in new[] { other.ReviewedRecord, laterVersion.ReviewedRecord })
        {
            using var f = new StoreFixture();
            f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed) with { ReviewedRecord = body }]);
            var refused = Assert.ThrowsExactly<StoreException>(() => Begin(f.Store, reviewed));
            Assert.AreEqual(StoreError.CorrectionUnreadable, refused.Error);
            StringAssert.Contains(refused.Message, "不符");
            Assert.IsNull(f.Store.LoadDraft(reviewed.RecordId));
        }
    }

    [TestMethod]
    public void BeginCorrection_NewVersionNotTheNext_IsRefusedAndStartsNothing()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed() with { Version = 2 };
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        foreach (var version in new[] { 1, 2, 4 })
        {
            var refused = Assert.ThrowsExactly<StoreException>(() => f.Store.BeginCorrection(reviewed.RecordId, 2, r => r.NextVersion("T650105-04", StoreFixture.OperatorId, Today) with { Version = version }, "module7"));
            Assert.AreEqual(StoreError.CorrectionRefused, refused.Error);
            StringAssert.Contains(refused.Message, "下一版");
        }
        Assert.IsNull(f.Store.LoadDraft(reviewed.RecordId));
        Assert.AreEqual(TerminalCorrectionState.ToCorrect, f.Store.CorrectionList().Single().State);
    }

    [TestMethod]
    public void BeginCorrection_ItemNotInTheList_IsRefused()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        Assert.AreEqual(StoreError.CorrectionRefused, Assert.ThrowsExactly<StoreException>(() => f.Store.BeginCorrection(reviewed.RecordId, 2, r => r, "module7")).Error);
        Assert.AreEqual(StoreError.CorrectionRefused, Assert.ThrowsExactly<StoreException>(() => f.Store.BeginCorrection(Guid.NewGuid(), 1, r => r, "module7")).Error);
    }

    [TestMethod]
    public void SaveDraft_CorrectionDraftUnderAnotherVersion_IsRefused()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var draft = Begin(f.Store, reviewed).Record;
        var refused = Assert.ThrowsExactly<StoreException>(() => f.Store.SaveDraft(draft with { Version = 1 }, "module7"));
        Assert.AreEqual(StoreError.CorrectionRefused, refused.Error);
        Assert.AreEqual(2, f.Store.LoadDraft(reviewed.RecordId)!.Record.Version);
    }

    [TestMethod]
    public void CorrectionDraft_FilesAsAPowerCutLeavesThem_OpenWithTheDraftAndItsCorrectionAndFinalize()
    {
        using var f = new StoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var draft = Begin(f.Store, reviewed).Record;
        f.Store.SaveDraft(draft.With("module7.grade", "5"), "living");
        // the store is not closed: its files are copied as they are now (every write returned only once on disk)
        var cut = Path.Combine(f.Folder, "after-cut");
        Directory.CreateDirectory(cut);
        foreach (var name in new[] { "terminal.db", "terminal-log.db" })
        {
            using var cp = Process.Start("cp", [Path.Combine(f.Folder, name), cut])!;
            cp.WaitForExit();
            Assert.AreEqual(0, cp.ExitCode, "cp " + name);
        }
        using var store = TerminalStore.Open(f.Options with { Folder = cut });
        Assert.IsTrue(store.Login(StoreFixture.OperatorId, StoreFixture.Pin).Succeeded);
        var resumed = store.LoadDraft(reviewed.RecordId)!;
        Assert.AreEqual(("5", "living", 2), (resumed.Record.Text("module7.grade"), resumed.Step, resumed.Record.Version));
        CollectionAssert.AreEqual(reviewed.Photos.Select(p => p.Sha256).ToList(), resumed.Correction!.DistrictPhotos.ToList());
        Assert.AreEqual(TerminalCorrectionState.InProgress, store.CorrectionList().Single().State);
        var item = store.Finalize(SampleSignatures.Sign(store, resumed.Record));
        Assert.IsEmpty(item.SealedPhotos, "every photo is the district's");
    }

    private static Draft Begin(TerminalStore store, Record reviewed) =>
        store.BeginCorrection(reviewed.RecordId, reviewed.Version, r => r.NextVersion(store.TerminalId, store.OperatorId!, Today), "module7");
}
