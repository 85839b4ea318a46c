using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Corrections;
using Terminal.Firmware.Photos;
using Terminal.Firmware.Signing;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;
using Terminal.Storage.Store;
using Terminal.Testing.Storage;

namespace Terminal.Firmware.Tests.Collection;

/// <summary>
/// The correction workflow on the app's store: the list in the worker's words, an item opened as version N+1 on the
/// first page concerned, the district's photo retaken with the 演示摄像头, the grade corrected, the subject's new
/// signature, finalize, and the item closed here.
/// </summary>
[TestClass]
public sealed class CorrectionWorkflowTests
{
    [TestMethod]
    public void List_ItemsOfTheDistrict_NamesSubjectKindFieldLabelsAndState()
    {
        using var f = new AppStoreFixture();
        var reviewed = SampleCorrections.Reviewed(name: "李卫东");
        var missing = SampleCorrections.ItemFor(SampleCorrections.Reviewed(name: "马玉兰"), CorrectionKind.Missing, ["personal.serviceUnit", "photos.DocumentPhoto"], "缺服役部队和退伍证照片");
        var broken = SampleCorrections.GradeProblem(SampleCorrections.Reviewed()) with { ReviewedRecord = "" };
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed), missing, broken]);
        var list = new CorrectionWorkflow(f.State, TimeProvider.System).List();
        Assert.AreEqual(("李卫东", TerminalCorrectionState.ToCorrect, true), (list[0].SubjectName, list[0].Entry.State, list[0].CanOpen));
        CollectionAssert.AreEqual(new[] { "残疾等级", "个人免冠近照" }, list[0].FieldLabels.ToList());
        Assert.AreEqual(("马玉兰", "缺失数据"), (list[1].SubjectName, CorrectionFields.KindName(list[1].Entry.Item.Kind)));
        CollectionAssert.AreEqual(new[] { "服役部队", "证件材料照片" }, list[1].FieldLabels.ToList());
        Assert.IsFalse(list[2].CanOpen);
        StringAssert.Contains(list[2].Problem, "请重新对接以再次接收");
    }

    [TestMethod]
    public void Open_RetakeCorrectSignFinalize_SealsVersionTwoWithOnlyTheNewPhotoAndClosesTheItem()
    {
        using var f = new AppStoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed)]);
        var corrections = new CorrectionWorkflow(f.State, TimeProvider.System);
        var draft = corrections.Open(reviewed.RecordId, 1);
        Assert.AreEqual((2, CollectionFlow.PhotosStep), (draft.Record.Version, draft.Step), "the photos come first among the pages concerned");
        Assert.AreEqual(f.Store.TerminalId, draft.Record.TerminalId);
        Assert.AreEqual("op-0401", draft.Record.OperatorId);
        Assert.AreEqual(TerminalCorrectionState.InProgress, corrections.List().Single().Entry.State);
        Assert.AreEqual("module7", CorrectionFields.StepOf("module7.grade", draft.Record, AppStoreFixture.Form));

        var old = reviewed.Photos.Single(p => p.Kind == PhotoKind.PersonalPhoto);
        using var camera = new PhotoService(f.State, f.Options, NullLogger<PhotoService>.Instance);
        var retaken = camera.Capture(reviewed.RecordId, PhotoKind.PersonalPhoto, null, old.Sha256);
        var record = f.Store.LoadDraft(reviewed.RecordId)!.Record.With("module7.grade", "5");
        Assert.IsFalse(record.Photos.Any(p => p.Sha256 == old.Sha256), "the retake replaces the reference");
        f.Store.SaveDraft(record, CollectionFlow.ReviewStep);
        Assert.IsFalse(RecordValidator.Validate(record).Any(i => i.Severity == IssueSeverity.Error && i.Code is not (IssueCode.SignatureMissing or IssueCode.SignatureContentMismatch)),
            string.Join("；", RecordValidator.Validate(record).Select(i => i.Message)));

        var signing = new SignatureWorkflow(f.State, TimeProvider.System);
        signing.Accept(reviewed.RecordId, SignatureTests.SampleInk(), RecordSerializer.ContentHash(record));
        var item = signing.Finalize(reviewed.RecordId);
        Assert.AreEqual((2, 1), (item.Version, item.SealedPhotos.Count), "version 2 carries only the photo retaken here");
        var closed = corrections.List().Single();
        Assert.AreEqual((TerminalCorrectionState.Corrected, false), (closed.Entry.State, closed.CanOpen));
        StringAssert.Contains(Assert.ThrowsExactly<CollectionRefusedException>(() => corrections.Open(reviewed.RecordId, 1)).Message, "已补正");
        Assert.AreNotEqual(old.Sha256, retaken.Sha256);
    }

    [TestMethod]
    public void Open_ReviewedRecordOfAnotherRecord_IsRefusedAskingToDockAgain()
    {
        using var f = new AppStoreFixture();
        var reviewed = SampleCorrections.Reviewed();
        var foreign = SampleCorrections.GradeProblem(SampleCorrections.Reviewed()).ReviewedRecord;
        f.Store.ApplyCorrections(Guid.NewGuid(), [SampleCorrections.GradeProblem(reviewed) with { ReviewedRecord = foreign }]);
        var corrections = new CorrectionWorkflow(f.State, TimeProvider.System);
        var refused = Assert.ThrowsExactly<CollectionRefusedException>(() => corrections.Open(reviewed.RecordId, 1));
        StringAssert.Contains(refused.Message, "请重新对接以再次接收");
        Assert.IsNull(f.Store.LoadDraft(reviewed.RecordId));
    }
}
