using System.Text;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>The ingest checks: bad records are kept and flagged, never dropped; duplicates are flagged with the other record.</summary>
public abstract partial class DistrictStoreContract
{
    /// <summary>The pen samples whose hash <see cref="SampleRecords.Signed"/> names.</summary>
    private static readonly byte[] Strokes = Encoding.UTF8.GetBytes("strokes");

    private static IngestBatch SignedBatch(string terminalId, params (Record Record, long Sequence)[] records) =>
        Batch(records) with { TerminalId = terminalId, Records = [.. records.Select(r => new IngestedRecord(r.Record, r.Sequence, [], Strokes))], Audit = [] };

    private async Task<IReadOnlyList<string>> CodesAsync(Guid recordId) =>
        [.. (await Store.FlagsAsync(recordId)).Where(f => f.RecordId == recordId).Select(f => f.Flag.Code)];

    [TestMethod]
    public async Task Commit_ValidSignedRecord_HasNoErrorFlag()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        await Store.CommitAsync(SignedBatch("T650105-04", (a, 1)));
        var errors = (await Store.FlagsAsync(a.RecordId)).Where(f => f.Flag.Severity == Records.Validation.IssueSeverity.Error).Select(f => f.Flag.Code).ToList();
        Assert.IsEmpty(errors, string.Join(", ", errors));
    }

    [TestMethod]
    public async Task Commit_RecordBreakingARule_IsKeptAndFlaggedWithTheValidatorsMessage()
    {
        var bad = SampleRecords.Signed(RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国").With("personal.street", null) with { Signature = null });
        await Store.CommitAsync(SignedBatch("T650105-04", (bad, 1)));
        Assert.IsNotNull(await Store.RecordAsync(bad.RecordId), "kept, not dropped");
        var flag = (await Store.FlagsAsync(bad.RecordId)).Single(f => f.Flag.Code == "Required");
        Assert.AreEqual("personal.street", flag.Flag.FieldId);
        StringAssert.Contains(flag.Flag.Message, "所属街道");
        CollectionAssert.Contains((await Store.FindByIdNumberAsync(bad.Text("identity.idNumber")!)).Single().Flags.ToList(), "Required");
    }

    [TestMethod]
    public async Task Commit_ContentChangedAfterSigning_IsFlaggedAsSignatureMismatch()
    {
        var signed = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var changed = signed.With("living.employer", "另一家单位");
        await Store.CommitAsync(SignedBatch("T650105-04", (changed, 1)));
        CollectionAssert.Contains((await CodesAsync(changed.RecordId)).ToList(), "SignatureContentMismatch");
    }

    [TestMethod]
    public async Task Commit_StrokesNotTheSigned_AreFlagged()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var batch = SignedBatch("T650105-04", (a, 1));
        await Store.CommitAsync(batch with { Records = [batch.Records[0] with { SignatureStrokes = [1, 2, 3] }] });
        CollectionAssert.Contains((await CodesAsync(a.RecordId)).ToList(), IngestFlagCodes.SignatureStrokesMismatch);
    }

    [TestMethod]
    public async Task Commit_SameIdNumberFromTwoTerminals_FlagsTheNewcomerWithTheOther()
    {
        await Store.RegisterTerminalAsync(new TerminalRegistration("T650105-05", "650105-05", [4], DateTimeOffset.UtcNow));
        var id = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        var first = RecordFor(id, "张建国");
        var second = RecordFor(id, "张建国");
        await Store.CommitAsync(SignedBatch("T650105-04", (first, 1)));
        await Store.CommitAsync(SignedBatch("T650105-05", (second, 1)));
        var flag = (await Store.FlagsAsync(second.RecordId)).Single(f => f.Flag.Code == IngestFlagCodes.DuplicateAcrossTerminals);
        Assert.AreEqual(first.RecordId, flag.Flag.RelatedRecordId);
        StringAssert.Contains(flag.Flag.Message, "T650105-04");
        Assert.IsTrue((await Store.FlagsAsync(first.RecordId)).Any(f => f.RecordId == second.RecordId), "the first record's page sees its duplicate");
        Assert.HasCount(2, await Store.FindByIdNumberAsync(id), "both kept");
    }

    [TestMethod]
    public async Task Commit_SameIdNumberUnderOtherCategories_IsFlagged()
    {
        var id = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        var first = RecordFor(id, "张建国");
        var other = SampleRecords.Signed(RecordFor(id, "张建国") with { Categories = CategorySet.Of(Category.DischargedSoldier), Signature = null });
        await Store.CommitAsync(SignedBatch("T650105-04", (first, 1), (other, 2)));
        CollectionAssert.Contains((await CodesAsync(other.RecordId)).ToList(), IngestFlagCodes.DuplicateAcrossCategories);
    }

    [TestMethod]
    public async Task Commit_SurvivorLinkedToTheSameMartyrTwice_IsFlagged()
    {
        var id = SampleRecords.IdNumberFor(new DateOnly(1950, 6, 1), 22);
        Record Survivor(string certificate) => SampleRecords.Signed((RecordFor(id, "王秀英") with { Categories = CategorySet.Of(Category.MartyrSurvivor), Signature = null })
            .With("module9.relation", "1").With("module9.deceasedName", "王大山").With("module9.certificateNumber", certificate).With("module9.benefit", "1"));
        var first = Survivor("烈证0001");
        var again = Survivor("烈证0001");
        var otherMartyr = Survivor("烈证0002");
        await Store.CommitAsync(SignedBatch("T650105-04", (first, 1)));
        await Store.CommitAsync(SignedBatch("T650105-04", (again, 2), (otherMartyr, 3)));
        CollectionAssert.Contains((await CodesAsync(again.RecordId)).ToList(), IngestFlagCodes.SurvivorLinkedTwice);
        CollectionAssert.DoesNotContain((await CodesAsync(otherMartyr.RecordId)).ToList(), IngestFlagCodes.SurvivorLinkedTwice,
            "another certificate is another martyr (the record is still flagged as the same person collected twice)");
        CollectionAssert.Contains((await CodesAsync(otherMartyr.RecordId)).ToList(), IngestFlagCodes.DuplicateSubject);
    }

    [TestMethod]
    public async Task Commit_PhotoWhoseBytesAreNotAJpeg_IsKeptAndFlagged()
    {
        var garbage = Encoding.UTF8.GetBytes("<script>alert(1)</script> not a JPEG");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(garbage));
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        a = SampleRecords.Signed(a with { Photos = [.. a.Photos.Select(p => p.Kind == PhotoKind.PersonalPhoto ? p with { Sha256 = sha, Length = garbage.Length } : p)], Signature = null });
        var batch = SignedBatch("T650105-04", (a, 1));
        await Store.CommitAsync(batch with { Photos = [.. batch.Photos, new PhotoBlob(sha, "image/jpeg", garbage)] });
        var flag = (await Store.FlagsAsync(a.RecordId)).Single(f => f.Flag.Code == IngestFlagCodes.PhotoDamaged);
        StringAssert.Contains(flag.Flag.Message, "不是JPG格式");
    }

    [TestMethod]
    public async Task ResolveFlag_ByAReviewer_IsKeptWithWhoAndWhen()
    {
        var bad = SampleRecords.Signed(RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国").With("personal.street", null) with { Signature = null });
        await Store.CommitAsync(SignedBatch("T650105-04", (bad, 1)));
        var flag = (await Store.FlagsAsync(bad.RecordId))[0];
        Assert.IsTrue(await Store.ResolveFlagAsync(bad.RecordId, 1, flag.Position, "reviewer1", DateTimeOffset.UtcNow));
        Assert.IsFalse(await Store.ResolveFlagAsync(bad.RecordId, 1, flag.Position, "reviewer2", DateTimeOffset.UtcNow), "already checked");
        Assert.AreEqual("reviewer1", (await Store.FlagsAsync(bad.RecordId))[0].ResolvedBy);
    }
}
