using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>Records entered by hand at the office: the same insert, checks and duplicate flags as docked ones, with their provenance.</summary>
public abstract partial class DistrictStoreContract
{
    private static readonly byte[] ScanJpeg = Jpeg(300_000, 3);

    /// <summary>A record as the office page makes it: the office pseudo-terminal, signed by the scan of the paper form.</summary>
    private static OfficeEntry OfficeEntryFor(string idNumber, string name, CardSource source = CardSource.Typed)
    {
        var r = RecordFor(idNumber, name) with { TerminalId = DistrictStore.OfficeTerminalId("650105-04"), OperatorId = "clerk1", Signature = null };
        var scan = new PhotoBlob(Hash(ScanJpeg), "image/jpeg", ScanJpeg);
        var signed = r with { Signature = new SignatureReference(RecordSerializer.ContentHash(r), scan.Sha256, scan.Sha256, DateTimeOffset.UtcNow) };
        return new OfficeEntry(signed, Batch().Photos, scan, "clerk1", source, DateTimeOffset.UtcNow);
    }

    [TestMethod]
    public async Task EnterAtOffice_ValidRecord_IsStoredWithoutErrorsWithItsProvenanceAndCountsInProgress()
    {
        var entry = OfficeEntryFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国", CardSource.Reader);
        var flags = await Store.EnterAtOfficeAsync(entry);
        var errors = (await Store.FlagsAsync(entry.Record.RecordId)).Where(f => f.Flag.Severity == Records.Validation.IssueSeverity.Error).Select(f => f.Flag.Code).ToList();
        Assert.IsEmpty(errors, string.Join(", ", errors));
        Assert.IsEmpty(flags.Where(errors.Contains));
        var stored = await Store.RecordAsync(entry.Record.RecordId);
        Assert.AreEqual(RecordSerializer.ContentHash(entry.Record), RecordSerializer.ContentHash(stored!));
        var provenance = await Store.ProvenanceAsync(entry.Record.RecordId, 1);
        Assert.AreEqual(new RecordProvenance("clerk1", CardSource.Reader, entry.SignedFormScan.Sha256, provenance!.EnteredAt), provenance);
        CollectionAssert.AreEqual(ScanJpeg, await Store.PhotoAsync(entry.SignedFormScan.Sha256));
        var south = (await Store.ProgressAsync()).Single(p => p.CollectionPointCode == "650105-04");
        Assert.AreEqual(1, south.Collected + south.NotOnRoster, "counted at its point, in the initial data or apart");
        Assert.IsNull(await Store.ProvenanceAsync(Guid.NewGuid(), 1));
    }

    [TestMethod]
    public async Task EnterAtOffice_ThenTheSamePersonDockedFromATerminal_TheDockedRecordIsFlaggedDuplicateNamingTheOffice()
    {
        var idNumber = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        var office = OfficeEntryFor(idNumber, "张建国");
        await Store.EnterAtOfficeAsync(office);
        var docked = RecordFor(idNumber, "张建国");
        await Store.CommitAsync(SignedBatch("T650105-04", (docked, 1)));
        var duplicate = (await Store.FlagsAsync(docked.RecordId)).Single(f => f.RecordId == docked.RecordId && f.Flag.Code == IngestFlagCodes.DuplicateAcrossTerminals);
        Assert.AreEqual(office.Record.RecordId, duplicate.Flag.RelatedRecordId);
        StringAssert.Contains(duplicate.Flag.Message, "在区县办公室手工录入");
    }

    [TestMethod]
    public async Task EnterAtOffice_PersonAlreadyDocked_IsFlaggedDuplicateAndTwoEntriesTakeSuccessiveSequences()
    {
        var idNumber = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        await Store.CommitAsync(SignedBatch("T650105-04", (RecordFor(idNumber, "张建国"), 1)));
        var first = OfficeEntryFor(idNumber, "张建国");
        CollectionAssert.Contains((await Store.EnterAtOfficeAsync(first)).ToList(), IngestFlagCodes.DuplicateAcrossTerminals);
        var second = OfficeEntryFor(SampleRecords.IdNumberFor(new DateOnly(1970, 2, 5), 2), "王美娜");
        await Store.EnterAtOfficeAsync(second);
        var versions = (await Store.RecordVersionsAsync(first.Record.RecordId)).Concat(await Store.RecordVersionsAsync(second.Record.RecordId)).ToList();
        CollectionAssert.AreEqual(new long[] { 1, 2 }, versions.Select(v => v.Sequence).ToList());
        Assert.IsTrue(versions.All(v => v.TerminalId == "OFFICE-650105-04"));
        await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.EnterAtOfficeAsync(second), "the same record saved twice is refused, not stored twice");
    }

    [TestMethod]
    public async Task RosterEntry_ByIdNumber_IsFoundOrNull()
    {
        var idNumber = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        await Store.ImportRosterAsync([new RosterEntry(idNumber, "张建国", "650105007", "650105-04")], DateTimeOffset.UtcNow);
        Assert.AreEqual("张建国", (await Store.RosterEntryAsync(idNumber))!.Name);
        Assert.IsNull(await Store.RosterEntryAsync(SampleRecords.IdNumberFor(new DateOnly(1970, 2, 5), 2)));
    }
}
