using System.Security.Cryptography;
using Terminal.Host.Storage.Migrations;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>
/// The contract every district database passes: run against SQLite and a real PostgreSQL by its subclasses
/// (no [TestClass] here: MSTest runs it once per subclass).
/// </summary>
public abstract partial class DistrictStoreContract
{
    private DistrictDatabase? _database;

    /// <summary>A new, empty database for one test.</summary>
    protected abstract Task<DistrictDatabase> CreateDatabaseAsync();

    /// <summary>Drops what <see cref="CreateDatabaseAsync"/> made.</summary>
    protected abstract Task DropDatabaseAsync();

    protected DistrictStore Store { get; private set; } = null!;

    protected DistrictDatabase Database => _database!;

    [TestInitialize]
    public async Task CreateAsync()
    {
        _database = await CreateDatabaseAsync();
        await Migrator.MigrateAsync(_database, CancellationToken.None);
        Store = new DistrictStore(_database);
        foreach (var p in CollectionPoints.Of("650105"))
        {
            await Store.SaveCollectionPointAsync(new CollectionPoint(p.Code, p.Name, p.Streets, 100));
        }
        await Store.RegisterTerminalAsync(new TerminalRegistration("T650105-04", "650105-04", [1, 2, 3], DateTimeOffset.UtcNow));
    }

    [TestCleanup]
    public Task DropAsync() => DropDatabaseAsync();

    private static readonly byte[] PersonalJpeg = Jpeg(180_000, 1);
    private static readonly byte[] DocumentJpeg = Jpeg(150_000, 2);

    private static byte[] Jpeg(int length, byte fill)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, fill);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[^2] = 0xFF; bytes[^1] = 0xD9;
        return bytes;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The sample record with its personal and document photos pointing at real bytes, signed.</summary>
    protected static Record RecordFor(string idNumber, string name, Guid? id = null, int version = 1)
    {
        var sample = SampleRecords.DisabledDischargedSoldier();
        var photos = sample.Photos.Select(p => p.Kind switch
        {
            PhotoKind.PersonalPhoto => p with { Sha256 = Hash(PersonalJpeg), Length = PersonalJpeg.Length },
            PhotoKind.DocumentPhoto => p with { Sha256 = Hash(DocumentJpeg), Length = DocumentJpeg.Length },
            _ => p,
        }).Where(p => p.Kind is PhotoKind.PersonalPhoto or PhotoKind.DocumentPhoto);
        var record = (sample with { RecordId = id ?? Guid.NewGuid(), Version = version, Photos = [.. photos], Signature = null })
            .With("identity.idNumber", idNumber, FieldSource.Chip).With("identity.name", name, FieldSource.Chip);
        return SampleRecords.Signed(record);
    }

    protected static IngestBatch Batch(params (Record Record, long Sequence)[] records) => new(
        "T650105-04", DateTimeOffset.UtcNow,
        [.. records.Select(r => new IngestedRecord(r.Record, r.Sequence, [], [9, 9, 9]))],
        [new PhotoBlob(Hash(PersonalJpeg), "image/jpeg", PersonalJpeg), new PhotoBlob(Hash(DocumentJpeg), "image/jpeg", DocumentJpeg)],
        [.. records.Select(r => new AuditEntry(r.Sequence, "finalize", DateTimeOffset.UtcNow, SampleRecords.Hash("audit" + r.Sequence), SampleRecords.Hash("audit" + (r.Sequence - 1)), [1]))]);

    [TestMethod]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        Assert.IsEmpty(await Migrator.MigrateAsync(Database, CancellationToken.None));
        Assert.AreEqual(Migrator.Shipped(Database.Kind).Max(m => m.Number), await Migrator.VersionAsync(Database, CancellationToken.None));
    }

    [TestMethod]
    public async Task CollectionPoints_RoundTrip()
    {
        var points = await Store.CollectionPointsAsync();
        Assert.HasCount(8, points);
        Assert.AreEqual("七道湾采集点", points[6].Name);
        Assert.HasCount(3, points[6].Streets);
    }

    [TestMethod]
    public async Task Terminal_Registered_IsFoundAndUnknownIsNull()
    {
        var t = await Store.TerminalAsync("T650105-04");
        Assert.IsNotNull(t);
        Assert.AreEqual("650105-04", t.CollectionPointCode);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, t.PublicKey);
        Assert.IsNull(await Store.TerminalAsync("T999"));
    }

    [TestMethod]
    public async Task Commit_RecordsWithPhotos_AreStoredAndReadBackByteForByte()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var b = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1970, 1, 1), 15), "李明");
        var result = await Store.CommitAsync(Batch((a, 1), (b, 2)));
        Assert.AreEqual(new IngestResult(2, 0, 2, 0, 2), result);
        var back = await Store.RecordAsync(a.RecordId);
        Assert.IsNotNull(back);
        CollectionAssert.AreEqual(Terminal.Records.Serialization.RecordSerializer.Serialize(a), Terminal.Records.Serialization.RecordSerializer.Serialize(back));
        CollectionAssert.AreEqual(PersonalJpeg, await Store.PhotoAsync(Hash(PersonalJpeg)));
        Assert.IsNotNull((await Store.TerminalAsync("T650105-04"))!.LastDockedAt);
    }

    [TestMethod]
    public async Task Counts_AfterCommitsAndACorrection_CountRecordsOnceAndVersionsEach()
    {
        Assert.AreEqual(new DistrictCounts(8, 1, 0, 0), await Store.CountsAsync());
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var b = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1970, 1, 1), 15), "李明");
        await Store.CommitAsync(Batch((a, 1), (b, 2)));
        var corrected = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国", a.RecordId, version: 2);
        await Store.CommitAsync(Batch((corrected, 3)));
        Assert.AreEqual(new DistrictCounts(8, 1, 2, 3), await Store.CountsAsync());
    }

    [TestMethod]
    public async Task Commit_SameBatchTwice_StoresEverythingOnce()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        await Store.CommitAsync(Batch((a, 1)));
        var again = await Store.CommitAsync(Batch((a, 1)));
        Assert.AreEqual(new IngestResult(0, 1, 0, 2, 0), again);
        Assert.HasCount(1, await Store.FindByIdNumberAsync(a.Text("identity.idNumber")!));
    }

    [TestMethod]
    public async Task Commit_ConflictingVersion_CommitsNothingOfTheBatch()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        await Store.CommitAsync(Batch((a, 1)));
        var newcomer = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1980, 5, 5), 17), "王五");
        var changed = SampleRecords.Signed(a.With("identity.name", "张建军") with { Signature = null });
        var e = await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(Batch((newcomer, 2), (changed, 1))));
        StringAssert.Contains(e.Message, "均未入库");
        Assert.IsEmpty(await Store.FindByIdNumberAsync(newcomer.Text("identity.idNumber")!), "the whole batch rolled back");
    }

    [TestMethod]
    public async Task Commit_SequenceUsedTwice_IsAConflict()
    {
        await Store.CommitAsync(Batch((RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国"), 1)));
        await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(Batch((RecordFor(SampleRecords.IdNumberFor(new DateOnly(1966, 3, 12)), "李四"), 1))));
    }

    [TestMethod]
    public async Task Commit_SequenceUsedTwiceInOneBatch_CommitsNothing()
    {
        var first = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(Batch((first, 1), (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1966, 3, 12)), "李四"), 1))));
        Assert.IsNull(await Store.RecordAsync(first.RecordId), "the record before the clash in the same batch is not half-committed");
    }

    [TestMethod]
    public async Task Commit_SameVersionTwiceInOneBatch_IsStoredOnce()
    {
        var record = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var result = await Store.CommitAsync(Batch((record, 1), (record, 1)));
        Assert.AreEqual((1, 1), (result.RecordsAdded, result.RecordsAlreadyPresent));
    }

    [TestMethod]
    public async Task Commit_CorruptedPhoto_IsRefused()
    {
        var batch = Batch((RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国"), 1));
        var corrupted = batch with { Photos = [.. batch.Photos.Select(p => p with { Bytes = [.. p.Bytes[..^1], 0x00] })] };
        var e = await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(corrupted));
        StringAssert.Contains(e.Message, "照片");
    }

    [TestMethod]
    public async Task Commit_UnprovisionedTerminal_IsRefused()
    {
        var batch = Batch((RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国"), 1)) with { TerminalId = "T-FORGED" };
        var e = await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(batch));
        StringAssert.Contains(e.Message, "未在本区登记");
    }

    [TestMethod]
    public async Task Commit_TamperedAuditEntry_IsRefused()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        await Store.CommitAsync(Batch((a, 1)));
        var batch = Batch((a, 1));
        var tampered = batch with { Audit = [batch.Audit[0] with { EntrySha256 = SampleRecords.Hash("forged") }] };
        await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(tampered));
    }

    [TestMethod]
    public async Task Versions_NewestIsReturnedAndEachIsKept()
    {
        var id = Guid.NewGuid();
        var v1 = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国", id, 1);
        var v2 = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国", id, 2);
        await Store.CommitAsync(Batch((v1, 1), (v2, 2)));
        Assert.AreEqual(2, (await Store.RecordAsync(id))!.Version);
        Assert.AreEqual(1, (await Store.RecordAsync(id, 1))!.Version);
        Assert.HasCount(2, await Store.FindByIdNumberAsync(v1.Text("identity.idNumber")!));
    }

    [TestMethod]
    [DataRow("' OR '1'='1")]
    [DataRow("%")]
    [DataRow("_")]
    [DataRow("\\")]
    [DataRow("'; DROP TABLE records; --")]
    [DataRow("<script>alert(1)</script>")]
    public async Task Search_HostileText_FindsNothingAndBreaksNothing(string text)
    {
        await Store.CommitAsync(Batch((RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国"), 1)));
        Assert.IsEmpty(await Store.SearchByNameAsync(text));
        Assert.IsEmpty(await Store.FindByIdNumberAsync(text));
        Assert.HasCount(1, await Store.SearchByNameAsync("建国"), "the table is intact");
    }

    [TestMethod]
    public async Task Search_NameStoredAsScript_IsReturnedAsText()
    {
        await Store.CommitAsync(Batch((RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "<script>"), 1)));
        Assert.AreEqual("<script>", (await Store.SearchByNameAsync("<scr")).Single().Name);
    }

    [TestMethod]
    public async Task MissingSequences_ShowTheGaps()
    {
        await Store.CommitAsync(Batch(
            (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1960, 1, 1), 11), "甲"), 1),
            (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1960, 1, 2), 11), "乙"), 3),
            (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1960, 1, 3), 11), "丙"), 6)));
        CollectionAssert.AreEqual(new long[] { 2, 4, 5 }, (await Store.MissingSequencesAsync("T650105-04")).ToArray());
    }

    [TestMethod]
    public async Task Progress_CountsThePeopleOfTheInitialDataCollectedOnceAndThoseNotInIt()
    {
        var id = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        var elsewhere = SampleRecords.IdNumberFor(new DateOnly(1968, 4, 2), 17);
        await Store.ImportRosterAsync(
        [
            new RosterEntry(id, "张建国", "650105007", "650105-04"),
            new RosterEntry(SampleRecords.IdNumberFor(new DateOnly(1952, 8, 17), 35), "李四", "650105007", "650105-04"),
            new RosterEntry(elsewhere, "王五", "650105005", "650105-01"),
        ], DateTimeOffset.UtcNow);
        await Store.CommitAsync(Batch((RecordFor(id, "张建国"), 1), (RecordFor(id, "张建国"), 2), (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1975, 3, 12), 19), "赵六"), 3),
            (RecordFor(elsewhere, "王五"), 4)));
        var progress = await Store.ProgressAsync();
        var south = progress.Single(p => p.CollectionPointCode == "650105-04");
        Assert.AreEqual((2L, 1L, 1L), (south.Expected, south.Collected, south.NotOnRoster),
            "the same person collected twice counts once; 赵六 is not in the initial data; 王五 counts at his own point");
        var north = progress.Single(p => p.CollectionPointCode == "650105-01");
        Assert.AreEqual((1L, 1L, 0L), (north.Expected, north.Collected, north.NotOnRoster), "collected at another point, still done for his own");
        Assert.IsTrue(progress.All(p => p.Collected <= p.Expected), "completion never passes 100 %");
    }
}
