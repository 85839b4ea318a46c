using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>
/// The correction round trip in the district database: an item made with the decision, its list for the point's
/// terminals, the answers, the new version correcting it, the reviewer closing or withdrawing it, each step audited;
/// the ingest of a version N+1 that keeps N's photos, and of a second copy of a version.
/// </summary>
public abstract partial class DistrictStoreContract
{
    private const string DockedTerminal = "T650105-04";

    private async Task<Record> FlaggedVersion1Async(string name = "张建国", int birthYear = 1965)
    {
        var record = RecordFor(SampleRecords.IdNumberFor(new DateOnly(birthYear, 3, 12)), name);
        await Store.CommitAsync(SignedBatch(DockedTerminal, (record, birthYear)));
        return record;
    }

    private static Record NextVersion(Record record, string employer) =>
        SampleRecords.Signed(record.With("living.employer", employer) with { Version = record.Version + 1, Signature = null });

    private async Task<IReadOnlyList<string>> AuditActionsAsync(Guid recordId) =>
        [.. (await Store.AuditAsync("record:" + recordId.ToString("D"))).Select(a => a.Action).Reverse()];

    [TestMethod]
    public async Task Correction_ThroughEveryState_IsListedForThePointAndAuditedAtEachStep()
    {
        var v1 = await FlaggedVersion1Async();
        var decided = await Store.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Problem, "<script>alert(1)</script>残疾等级与证件不符", ["module7.grade"], "reviewer1", DateTimeOffset.UtcNow);
        Assert.HasCount(1, decided);
        var item = (await Store.CorrectionsOfRecordAsync(v1.RecordId)).Single();
        Assert.AreEqual(CorrectionState.Pending, item.State);
        Assert.AreEqual("650105-04", item.CollectionPoint);
        Assert.AreEqual("<script>alert(1)</script>残疾等级与证件不符", item.Note, "stored as typed; the page encodes it");
        Assert.AreEqual("reviewer1", item.Reviewer);
        CollectionAssert.AreEqual(new[] { "module7.grade" }, item.Fields.ToArray());

        var list = await Store.CorrectionListAsync(DockedTerminal);
        Assert.AreEqual("", list.AppliedDigest, "the terminal never applied a list");
        var open = list.Items.Single();
        Assert.AreEqual(item.ItemId, open.ItemId);
        CollectionAssert.AreEqual(RecordSerializer.Serialize(v1), open.ReviewedCanonical, "the reviewed version's stored canonical bytes");

        var push = Guid.NewGuid();
        await Store.CorrectionListSentAsync(DockedTerminal, [new CorrectionPartSent(push, 1, 1, "digest-1", [item.ItemId])], DateTimeOffset.UtcNow);
        Assert.IsFalse(await Store.CorrectionListAnsweredAsync(DockedTerminal, Guid.NewGuid(), true, "", DateTimeOffset.UtcNow), "a push that is no list part");
        Assert.IsTrue(await Store.CorrectionListAnsweredAsync(DockedTerminal, push, true, "", DateTimeOffset.UtcNow));
        var sent = (await Store.CorrectionAsync(item.ItemId))!;
        Assert.AreEqual((CorrectionState.Sent, DockedTerminal), (sent.State, sent.SentTerminal));
        Assert.IsNotNull(sent.SentAt);
        Assert.AreEqual("digest-1", (await Store.CorrectionListAsync(DockedTerminal)).AppliedDigest);
        Assert.IsFalse(await Store.CloseCorrectionAsync(item.ItemId, "", "reviewer1", DateTimeOffset.UtcNow), "not corrected yet: nothing to close");

        await Store.CommitAsync(SignedBatch(DockedTerminal, (NextVersion(v1, "新单位"), 2)));
        var corrected = (await Store.CorrectionAsync(item.ItemId))!;
        Assert.AreEqual((CorrectionState.Corrected, 2, DockedTerminal), (corrected.State, corrected.CorrectedVersion, corrected.CorrectedTerminal));
        Assert.IsEmpty((await Store.CorrectionListAsync(DockedTerminal)).Items, "a corrected item is off the list");
        Assert.IsFalse(await Store.WithdrawCorrectionAsync(item.ItemId, "", "reviewer1", DateTimeOffset.UtcNow), "a corrected item is not withdrawn");
        Assert.AreEqual(new CorrectionFigures(1, 0, 0), await Store.CorrectionFiguresAsync());

        Assert.IsTrue(await Store.CloseCorrectionAsync(item.ItemId, "已核对新版本", "reviewer2", DateTimeOffset.UtcNow));
        var closed = (await Store.CorrectionAsync(item.ItemId))!;
        Assert.AreEqual((CorrectionState.Closed, "reviewer2", "已核对新版本"), (closed.State, closed.DoneBy, closed.DoneNote));
        Assert.IsFalse(await Store.CloseCorrectionAsync(item.ItemId, "", "reviewer2", DateTimeOffset.UtcNow), "closed once");
        Assert.AreEqual(new CorrectionFigures(0, 1, 0), await Store.CorrectionFiguresAsync());
        CollectionAssert.IsSubsetOf(new[] { "补正：新建", "补正：已下发", "补正：已补正", "补正：关闭" }, (await AuditActionsAsync(v1.RecordId)).ToList());
    }

    [TestMethod]
    public async Task Correction_AcceptedDecision_MakesNoItem_AndADecisionOnTheNextVersionMakesANewOne()
    {
        var accepted = await FlaggedVersion1Async("李明", 1970);
        await Store.DecideAsync([(accepted.RecordId, 1)], ReviewDecision.Accepted, "", [], "reviewer1", DateTimeOffset.UtcNow);
        Assert.IsEmpty(await Store.CorrectionsOfRecordAsync(accepted.RecordId));

        var v1 = await FlaggedVersion1Async();
        await Store.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Missing, "缺个人近照", ["photos.PersonalPhoto"], "reviewer1", DateTimeOffset.UtcNow);
        await Store.CommitAsync(SignedBatch(DockedTerminal, (NextVersion(v1, "新单位"), 2)));
        await Store.DecideAsync([(v1.RecordId, 2)], ReviewDecision.Problem, "单位名称仍不对", ["living.employer"], "reviewer1", DateTimeOffset.UtcNow);
        var items = await Store.CorrectionsOfRecordAsync(v1.RecordId);
        Assert.HasCount(2, items);
        Assert.AreEqual((1, CorrectionState.Corrected, ReviewDecision.Missing), (items[0].Version, items[0].State, items[0].Kind), "the old item stays corrected until closed");
        Assert.AreEqual((2, CorrectionState.Pending), (items[1].Version, items[1].State));
        Assert.AreEqual(items[1].ItemId, (await Store.CorrectionListAsync(DockedTerminal)).Items.Single().ItemId);
    }

    [TestMethod]
    public async Task Correction_DecidedOnAVersionAlreadyFollowedByALaterOne_IsCorrectedAtOnceAndNeverListed()
    {
        var v1 = await FlaggedVersion1Async();
        await Store.CommitAsync(SignedBatch(DockedTerminal, (NextVersion(v1, "新单位"), 2)));
        await Store.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Problem, "旧版本的问题", [], "reviewer1", DateTimeOffset.UtcNow);
        var item = (await Store.CorrectionsOfRecordAsync(v1.RecordId)).Single();
        Assert.AreEqual((CorrectionState.Corrected, 2), (item.State, item.CorrectedVersion));
        Assert.IsEmpty((await Store.CorrectionListAsync(DockedTerminal)).Items);
    }

    [TestMethod]
    public async Task Correction_Withdrawn_LeavesTheListAndAForgedIdChangesNothing()
    {
        var v1 = await FlaggedVersion1Async();
        await Store.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Problem, "类别有误", [], "reviewer1", DateTimeOffset.UtcNow);
        var item = (await Store.CorrectionsOfRecordAsync(v1.RecordId)).Single();
        Assert.IsFalse(await Store.WithdrawCorrectionAsync(Guid.NewGuid(), "", "reviewer1", DateTimeOffset.UtcNow), "a forged id");
        Assert.IsFalse(await Store.CloseCorrectionAsync(Guid.NewGuid(), "", "reviewer1", DateTimeOffset.UtcNow), "a forged id");
        Assert.IsNull(await Store.CorrectionAsync(Guid.NewGuid()));
        Assert.IsTrue(await Store.WithdrawCorrectionAsync(item.ItemId, "误判，已电话核实", "reviewer1", DateTimeOffset.UtcNow));
        Assert.AreEqual(CorrectionState.Withdrawn, (await Store.CorrectionAsync(item.ItemId))!.State);
        Assert.IsEmpty((await Store.CorrectionListAsync(DockedTerminal)).Items);
        Assert.IsFalse(await Store.WithdrawCorrectionAsync(item.ItemId, "", "reviewer1", DateTimeOffset.UtcNow), "withdrawn once");
        await Store.CommitAsync(SignedBatch(DockedTerminal, (NextVersion(v1, "新单位"), 2)));
        Assert.AreEqual(CorrectionState.Withdrawn, (await Store.CorrectionAsync(item.ItemId))!.State, "a later version does not revive it");
        Assert.AreEqual(new CorrectionFigures(0, 0, 1), await Store.CorrectionFiguresAsync());
        CollectionAssert.Contains((await AuditActionsAsync(v1.RecordId)).ToList(), "补正：撤销");
    }

    [TestMethod]
    public async Task Corrections_FilteredByPointStreetAndState_CountAndPage()
    {
        var a = await FlaggedVersion1Async("张建国", 1965);
        var b = await FlaggedVersion1Async("李明", 1970);
        var c = await FlaggedVersion1Async("王五", 1975);
        await Store.DecideAsync([(a.RecordId, 1), (b.RecordId, 1), (c.RecordId, 1)], ReviewDecision.Problem, "请核对", [], "reviewer1", DateTimeOffset.UtcNow);
        await Store.WithdrawCorrectionAsync((await Store.CorrectionsOfRecordAsync(c.RecordId)).Single().ItemId, "", "reviewer1", DateTimeOffset.UtcNow);
        var all = await Store.CorrectionsAsync(new CorrectionFilter());
        Assert.AreEqual(3, all.Total);
        Assert.AreEqual((2, 1), (all.Counts[CorrectionState.Pending], all.Counts[CorrectionState.Withdrawn]));
        Assert.AreEqual("张建国", all.Rows.Single(r => r.RecordId == a.RecordId).Name);
        var pending = await Store.CorrectionsAsync(new CorrectionFilter(State: CorrectionState.Pending, Page: 2, PageSize: 1));
        Assert.AreEqual(2, pending.Total);
        Assert.HasCount(1, pending.Rows);
        Assert.AreEqual(CorrectionState.Pending, pending.Rows[0].State);
        Assert.AreEqual(0, (await Store.CorrectionsAsync(new CorrectionFilter(CollectionPoint: "650105-01"))).Total, "another point");
        Assert.AreEqual(3, (await Store.CorrectionsAsync(new CorrectionFilter(Street: "650105007"))).Total);
        Assert.AreEqual(0, (await Store.CorrectionsAsync(new CorrectionFilter(Street: "' OR 1=1 --"))).Total, "a filter is a parameter, never SQL");
    }

    [TestMethod]
    public async Task Commit_NextVersionKeepingPhotosOfVersion1_IsStoredWithoutThemInTheBatch()
    {
        var v1 = await FlaggedVersion1Async();
        var v2 = NextVersion(v1, "新单位");
        var batch = SignedBatch(DockedTerminal, (v2, 2)) with { Photos = [] };
        Assert.AreEqual(1, (await Store.CommitAsync(batch)).RecordsAdded);
        var back = (await Store.RecordAsync(v1.RecordId, 2))!;
        CollectionAssert.AreEqual(v1.Photos.Select(p => p.Sha256).ToList(), back.Photos.Select(p => p.Sha256).ToList());
        Assert.IsFalse((await CodesAsync(v1.RecordId)).Contains(IngestFlagCodes.PhotoDamaged));
    }

    [TestMethod]
    public async Task Commit_PhotoTheDistrictNeverHadForThisRecord_IsRefusedWholeBatch()
    {
        var stranger = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1980, 5, 5), 17), "王五");
        var e = await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(SignedBatch(DockedTerminal, (stranger, 1)) with { Photos = [] }));
        StringAssert.Contains(e.Message, "不在数据包中");
        var v1 = await FlaggedVersion1Async();
        // held by the district, but for another record: not this record's earlier version
        var other = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1981, 5, 5), 19), "赵六", version: 2);
        await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(SignedBatch(DockedTerminal, (other, 3)) with { Photos = [] }));
        var unknown = NextVersion(v1, "新单位") with { Photos = [.. v1.Photos, v1.Photos[0] with { Sha256 = SampleRecords.Hash("never-seen") }] };
        await Assert.ThrowsExactlyAsync<IngestConflictException>(() => Store.CommitAsync(SignedBatch(DockedTerminal, (unknown, 4)) with { Photos = [] }));
        Assert.IsNull(await Store.RecordAsync(v1.RecordId, 2), "nothing of the refused batch is stored");
    }

    [TestMethod]
    public async Task Commit_SameVersionFromAnotherTerminal_IsKeptBesideTheFirstAndFlagged()
    {
        await Store.RegisterTerminalAsync(new TerminalRegistration("T650105-05", "650105-04", [4, 5, 6], DateTimeOffset.UtcNow));
        var v1 = await FlaggedVersion1Async();
        await Store.DecideAsync([(v1.RecordId, 1)], ReviewDecision.Problem, "请改正单位", ["living.employer"], "reviewer1", DateTimeOffset.UtcNow);
        var first = NextVersion(v1, "甲单位");
        var second = NextVersion(v1, "乙单位");
        await Store.CommitAsync(SignedBatch(DockedTerminal, (first, 2)));
        Assert.IsFalse(await Store.PackageHeldAsync("T650105-05", 7, v1.RecordId, 2), "the other terminal's package is not held yet");
        var kept = await Store.CommitAsync(SignedBatch("T650105-05", (second, 7)));
        Assert.AreEqual(1, kept.RecordsAdded);
        Assert.AreEqual("甲单位", (await Store.RecordAsync(v1.RecordId, 2))!.Text("living.employer"), "never overwritten");
        var copy = (await Store.VersionCopiesAsync(v1.RecordId)).Single();
        Assert.AreEqual(("T650105-05", 7L, 2), (copy.TerminalId, copy.Sequence, copy.Version));
        Assert.AreEqual("乙单位", RecordSerializer.Deserialize(copy.Canonical).Text("living.employer"));
        var flag = (await Store.FlagsAsync(v1.RecordId)).Single(f => f.Flag.Code == IngestFlagCodes.VersionConflict);
        Assert.AreEqual(2, flag.Version);
        StringAssert.Contains(flag.Flag.Message, "内容不同");
        Assert.IsTrue(await Store.PackageHeldAsync("T650105-05", 7, v1.RecordId, 2));
        Assert.AreEqual(1, (await Store.CommitAsync(SignedBatch("T650105-05", (second, 7)))).RecordsAlreadyPresent, "the copy docked again is held once");
        Assert.HasCount(1, await Store.VersionCopiesAsync(v1.RecordId));
        var queue = await Store.QualityQueueAsync(new QualityFilter(Category: QualityCategory.SuspectedDuplicate));
        Assert.AreEqual(v1.RecordId, queue.Rows.Single().RecordId, "the reviewer finds it in the queue");
        Assert.AreEqual(CorrectionState.Corrected, (await Store.CorrectionsOfRecordAsync(v1.RecordId)).Single().State);
    }
}
