using System.Security.Cryptography;
using Terminal.Dock.Packages;
using Terminal.Dock.Pull;
using Terminal.Dock.Push;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// The correction round trip at the district's end of the dock link, between the real ends: a docking sends the
/// point's list (with the reviewed record) after the pull, the answers move the items to 已下发, an idle docking sends
/// nothing, a new version pulled in the same docking takes its item off at once; and the ingest of a version N+1 whose
/// package carries only its new photos.
/// </summary>
[TestClass]
[TestCategory("Database")]
public sealed class DockCorrectionsTests
{
    private static async Task<DockLogEntry> DockAsync(DockWorld world, TerminalStore store)
    {
        var cable = new FaultyCable();
        var (entry, error, terminalError) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(pushes: new DockPushes(world.DistrictStore)));
        Assert.IsNull(error, error?.ToString());
        Assert.IsNull(terminalError, terminalError?.ToString());
        return entry!;
    }

    private static IReadOnlyList<PushAck> CorrectionPushes(DockLogEntry entry) => [.. entry.Pushes.Where(p => p.Kind == PushKind.Corrections)];

    [TestMethod]
    public async Task Docking_SendsThePointsListOnceAndTheAnswerMovesItsItemToSent()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var v1 = DockWorld.FinalizeSample(store, 1, 2048, new Random(11));
        Assert.IsEmpty(CorrectionPushes(await DockAsync(world, store)), "no item yet: no list, not even an empty one");

        await world.DistrictStore.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Problem, "残疾等级与证件不符，请核对", ["module7.grade"], "reviewer1", DateTimeOffset.UtcNow);
        var item = (await world.DistrictStore.CorrectionsOfRecordAsync(v1.RecordId)).Single();
        Assert.AreEqual(CorrectionState.Pending, item.State);

        var sent = await DockAsync(world, store);
        Assert.AreEqual(PushStatus.Applied, CorrectionPushes(sent).Single().Status);
        var onTerminal = store.Corrections().Single();
        Assert.AreEqual((v1.RecordId, 1, CorrectionKind.Problem, "残疾等级与证件不符，请核对"), (onTerminal.RecordId, onTerminal.Version, onTerminal.Kind, onTerminal.Note));
        var stored = await world.DistrictStore.RecordAsync(v1.RecordId, 1);
        Assert.AreEqual(System.Text.Encoding.UTF8.GetString(RecordSerializer.Serialize(stored!)), onTerminal.ReviewedRecord, "the reviewed version as the district holds it");
        var after = (await world.DistrictStore.CorrectionAsync(item.ItemId))!;
        Assert.AreEqual((CorrectionState.Sent, DockWorld.TerminalId), (after.State, after.SentTerminal));

        Assert.IsEmpty(CorrectionPushes(await DockAsync(world, store)), "an idle docking does not rewrite the terminal's list");

        Assert.IsTrue(await world.DistrictStore.WithdrawCorrectionAsync(item.ItemId, "误判", "reviewer1", DateTimeOffset.UtcNow));
        Assert.AreEqual(PushStatus.Applied, CorrectionPushes(await DockAsync(world, store)).Single().Status, "the empty list once the last item left");
        Assert.IsEmpty(store.Corrections());
        Assert.IsEmpty(CorrectionPushes(await DockAsync(world, store)), "and only once");
    }

    [TestMethod]
    public async Task Docking_BringingTheNextVersion_CorrectsTheItemAndSendsTheListWithoutIt()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var v1 = DockWorld.FinalizeSample(store, 0, 0, new Random(12));
        await DockAsync(world, store);
        await world.DistrictStore.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Missing, "缺个人近照", ["photos.PersonalPhoto"], "reviewer1", DateTimeOffset.UtcNow);
        await DockAsync(world, store);
        Assert.HasCount(1, store.Corrections());

        var reviewed = RecordSerializer.Deserialize(System.Text.Encoding.UTF8.GetBytes(store.Corrections().Single().ReviewedRecord));
        var next = Terminal.Testing.Storage.SampleSignatures.Sign(store, reviewed.With("living.employer", "新单位") with { Version = 2, Signature = null }, 3);
        store.Finalize(next);
        var docking = await DockAsync(world, store);
        Assert.HasCount(1, docking.Committed, "version 2 pulled");
        Assert.AreEqual(PushStatus.Applied, CorrectionPushes(docking).Single().Status, "the list built after the pull no longer holds the item");
        Assert.IsEmpty(store.Corrections());
        var item = (await world.DistrictStore.CorrectionsOfRecordAsync(v1.RecordId)).Single();
        Assert.AreEqual((CorrectionState.Corrected, 2, DockWorld.TerminalId), (item.State, item.CorrectedVersion, item.CorrectedTerminal));
    }

    [TestMethod]
    public async Task Commit_NextVersionCarryingOnlyItsNewPhotos_IsStoredAndAPhotoTheDistrictNeverHadIsQuarantined()
    {
        using var world = await DockWorld.CreateAsync();
        OutboxItem v1;
        using (var store = world.OpenStore())
        {
            v1 = DockWorld.FinalizeSample(store, 1, 2048, new Random(13));
        }
        var sink = new DistrictPackageSink(world.DistrictStore, world.DistrictStore, world.District);
        var first = OutboxPackage.Encode(v1.RecordId, 1, v1.Sequence, v1.SealedRecord.Span, v1.SealedPhotos, v1.SealedStrokes.Span, v1.SealedSignatureImage.Span);
        Assert.IsEmpty(await sink.CommitAsync(DockWorld.TerminalId, [Received(v1.Sequence, v1.RecordId, 1, first)], ReadOnlyMemory<byte>.Empty, CancellationToken.None));
        await world.DistrictStore.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Problem, "请改正单位", ["living.employer"], "reviewer1", DateTimeOffset.UtcNow);
        var held = (await world.DistrictStore.RecordAsync(v1.RecordId, 1))!;

        var kept = held.With("living.employer", "新单位") with { Version = 2, Signature = null };
        Assert.IsEmpty(await sink.CommitAsync(DockWorld.TerminalId, [Package(world, kept, 2)], ReadOnlyMemory<byte>.Empty, CancellationToken.None));
        var v2 = (await world.DistrictStore.RecordAsync(v1.RecordId, 2))!;
        Assert.AreEqual(held.Photos.Single().Sha256, v2.Photos.Single().Sha256, "the photo kept from version 1, named by hash");
        Assert.AreEqual(CorrectionState.Corrected, (await world.DistrictStore.CorrectionsOfRecordAsync(v1.RecordId)).Single().State);

        var stranger = kept with { Version = 3, Photos = [.. kept.Photos, kept.Photos[0] with { Sha256 = SampleRecords.Hash("never-taken") }] };
        var refused = await sink.CommitAsync(DockWorld.TerminalId, [Package(world, stranger, 3)], ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        StringAssert.Contains(refused.Single().Reason, "不在数据包中");
        Assert.IsNull(await world.DistrictStore.RecordAsync(v1.RecordId, 3));
        Assert.HasCount(1, await world.DistrictStore.QuarantinedAsync(DockWorld.TerminalId), "kept in quarantine, never dropped");
    }

    [TestMethod]
    public async Task Pending_ListOverOneFrame_GoesInPartsAndIsTheTerminalsOnlyOnceEveryPartIsApplied()
    {
        using var world = await DockWorld.CreateAsync();
        var records = Enumerable.Range(1, 120).Select(n => new IngestedRecord(
            SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid(), Photos = [], Signature = null }, n, [], [])).ToList();
        await world.DistrictStore.CommitAsync(new IngestBatch(DockWorld.TerminalId, DateTimeOffset.UtcNow, records, [], []));
        await world.DistrictStore.DecideAsync([.. records.Select(r => (r.Record.RecordId, 1))], ReviewDecision.Problem, new string('请', 400), ["module7.grade"], "reviewer1", DateTimeOffset.UtcNow);
        var pushes = new DockPushes(world.DistrictStore);

        var parts = await pushes.PendingAsync(DockWorld.TerminalId, CancellationToken.None);
        Assert.IsGreaterThan(1, parts.Count, "120 items with their records do not fit one frame");
        Assert.AreEqual(120, parts.Sum(p => p.Read<CorrectionsPush>().Items.Count));
        var first = parts[0].Read<CorrectionsPush>();
        await pushes.DeliveredAsync(DockWorld.TerminalId,
            [new PushAck(parts[0].Id, PushKind.Corrections, PushStatus.Applied, ""), .. parts.Skip(1).Select(p => new PushAck(p.Id, PushKind.Corrections, PushStatus.Refused, "未登录"))],
            CancellationToken.None);
        var items = await world.DistrictStore.CorrectionsAsync(new CorrectionFilter(PageSize: 500));
        Assert.AreEqual(first.Items.Count, items.Counts[CorrectionState.Sent], "the applied part's items are on the terminal");

        var again = await pushes.PendingAsync(DockWorld.TerminalId, CancellationToken.None);
        Assert.HasCount(parts.Count, again, "a list not applied whole is sent again whole");
        await pushes.DeliveredAsync(DockWorld.TerminalId, [.. again.Select(p => new PushAck(p.Id, PushKind.Corrections, PushStatus.Applied, ""))], CancellationToken.None);
        Assert.AreEqual(120, (await world.DistrictStore.CorrectionsAsync(new CorrectionFilter())).Counts[CorrectionState.Sent]);
        Assert.IsEmpty(await pushes.PendingAsync(DockWorld.TerminalId, CancellationToken.None), "applied whole: nothing more to send");
    }

    /// <summary>A package of <paramref name="record"/> sealed for the district with no photos in it (unsigned: no strokes).</summary>
    private static ReceivedPackage Package(DockWorld world, Record record, long sequence)
    {
        var sealedRecord = DistrictSeal.Seal(world.District.PublicKey, TerminalStore.RecordContext(record.RecordId, record.Version), RecordSerializer.Serialize(record));
        return Received(sequence, record.RecordId, record.Version, OutboxPackage.Encode(record.RecordId, record.Version, sequence, sealedRecord, []));
    }

    private static ReceivedPackage Received(long sequence, Guid recordId, int version, byte[] bytes) =>
        new(new OutboxEntry(sequence, FormattableString.Invariant($"{recordId:D}/v{version}"), bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes);
}
