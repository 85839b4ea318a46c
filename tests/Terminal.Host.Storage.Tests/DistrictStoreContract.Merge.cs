using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>
/// Merging duplicates: both records stay stored, the merged one leaves the queues and the counts, the person is
/// counted once (the record kept); a forged id, another person's record or a second merge writes nothing; undoing
/// brings everything back.
/// </summary>
public abstract partial class DistrictStoreContract
{
    private async Task<(Record First, Record Second)> TwoTerminalsCollectedAsync(string idNumber)
    {
        await Store.RegisterTerminalAsync(new TerminalRegistration("T650105-05", "650105-05", [4], DateTimeOffset.UtcNow));
        var first = RecordFor(idNumber, "张建国");
        var second = SampleRecords.Signed(RecordFor(idNumber, "张建国") with { CollectionPointCode = "650105-05", Signature = null });
        await Store.CommitAsync(SignedBatch("T650105-04", (first, 1)));
        await Store.CommitAsync(SignedBatch("T650105-05", (second, 1)));
        return (first, second);
    }

    private async Task<int> DuplicatesQueuedAsync() => (await Store.QualityQueueAsync(new QualityFilter(Category: QualityCategory.SuspectedDuplicate))).Total;

    private async Task<List<Guid>> CurrentRecordIdsAsync()
    {
        var ids = new List<Guid>();
        await foreach (var r in Store.CurrentRecordsAsync())
        {
            ids.Add(r.RecordId);
        }
        return ids;
    }

    [TestMethod]
    public async Task Merge_Duplicates_CountsThePersonOnceKeepsBothAndUndoBringsItBack()
    {
        var (first, second) = await TwoTerminalsCollectedAsync(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)));
        Assert.AreEqual(1, await DuplicatesQueuedAsync());
        Assert.AreEqual(2, (await Store.CountsAsync()).Records);
        Assert.AreEqual(1, (await Store.ProgressAsync()).Single(p => p.CollectionPointCode == "650105-05").NotOnRoster);

        var outcome = await Store.MergeAsync(first.RecordId, [second.RecordId], "<script>x</script>核实为同一人", "reviewer1", DateTimeOffset.UtcNow);
        Assert.IsTrue(outcome.Merged, outcome.Refusal);
        var merge = outcome.Merges.Single();
        Assert.AreEqual((second.RecordId, first.RecordId, "<script>x</script>核实为同一人", "reviewer1"), (merge.MergedRecordId, merge.KeptRecordId, merge.Note, merge.MergedBy));
        Assert.AreEqual(0, await DuplicatesQueuedAsync(), "the merged record leaves the queue, and the kept one has no open duplicate left");
        Assert.AreEqual(0, (await Store.QualityQueueAsync(new QualityFilter())).Total);
        Assert.AreEqual(1, (await Store.CountsAsync()).Records, "the person counted once");
        Assert.AreEqual(2, (await Store.CountsAsync()).RecordVersions, "both originals stay stored");
        Assert.AreEqual(0, (await Store.ProgressAsync()).Single(p => p.CollectionPointCode == "650105-05").NotOnRoster, "the merged record's point no longer counts the person");
        CollectionAssert.AreEqual(new[] { first.RecordId }, await CurrentRecordIdsAsync(), "the reports read the record kept");
        var figures = await Store.FlagFiguresAsync();
        Assert.AreEqual((1L, 0L), (figures.RecordsReceived, figures.SuspectedDuplicates));
        Assert.IsNotNull(await Store.RecordAsync(second.RecordId), "the merged record is still there, whole");
        Assert.IsNotEmpty(await Store.FlagsAsync(second.RecordId), "its flags too");
        Assert.AreEqual(first.RecordId, (await Store.MergedIntoAsync([first.RecordId, second.RecordId]))[second.RecordId]);
        Assert.HasCount(1, await Store.MergedIntoAsync([first.RecordId, second.RecordId]));
        Assert.AreEqual(merge.MergeId, (await Store.MergesAsync(first.RecordId)).Single().MergeId, "the kept record's page finds the merge");

        var undone = await Store.UndoMergeAsync(merge.MergeId, "不是同一人", "reviewer2", DateTimeOffset.UtcNow);
        Assert.IsNotNull(undone);
        Assert.AreEqual(("reviewer2", "不是同一人", false), (undone.UndoneBy, undone.UndoNote, undone.Standing));
        Assert.IsNull(await Store.UndoMergeAsync(merge.MergeId, "again", "reviewer2", DateTimeOffset.UtcNow), "undone once");
        Assert.IsNull(await Store.UndoMergeAsync(Guid.NewGuid(), "forged", "reviewer2", DateTimeOffset.UtcNow));
        Assert.AreEqual(1, await DuplicatesQueuedAsync(), "back in the queue");
        Assert.AreEqual(2, (await Store.CountsAsync()).Records);
        Assert.IsEmpty(await Store.MergedIntoAsync([second.RecordId]));
        Assert.HasCount(1, await Store.MergesAsync(second.RecordId), "the undone merge is kept for the trail");

        var again = await Store.MergeAsync(second.RecordId, [first.RecordId], "保留后采集的一条", "reviewer1", DateTimeOffset.UtcNow);
        Assert.IsTrue(again.Merged, "after an undo the pair can be merged the other way");
        Assert.AreEqual(1, (await Store.CountsAsync()).Records);
    }

    [TestMethod]
    public async Task Merge_ForgedOtherPersonOrAlreadyMerged_WritesNothing()
    {
        var (first, second) = await TwoTerminalsCollectedAsync(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)));
        var other = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1970, 5, 1)), "李明");
        await Store.CommitAsync(SignedBatch("T650105-04", (other, 2)));

        StringAssert.Contains((await Store.MergeAsync(first.RecordId, [Guid.NewGuid()], "x", "reviewer1", DateTimeOffset.UtcNow)).Refusal, "不存在");
        StringAssert.Contains((await Store.MergeAsync(Guid.NewGuid(), [first.RecordId], "x", "reviewer1", DateTimeOffset.UtcNow)).Refusal, "不存在");
        StringAssert.Contains((await Store.MergeAsync(first.RecordId, [other.RecordId], "x", "reviewer1", DateTimeOffset.UtcNow)).Refusal, "身份证号码相同");
        Assert.IsFalse((await Store.MergeAsync(first.RecordId, [first.RecordId], "x", "reviewer1", DateTimeOffset.UtcNow)).Merged, "a record into itself");
        Assert.IsFalse((await Store.MergeAsync(first.RecordId, [], "x", "reviewer1", DateTimeOffset.UtcNow)).Merged);
        Assert.IsEmpty(await Store.MergesAsync(first.RecordId), "nothing written by the refusals");

        Assert.IsTrue((await Store.MergeAsync(first.RecordId, [second.RecordId], "同一人", "reviewer1", DateTimeOffset.UtcNow)).Merged);
        StringAssert.Contains((await Store.MergeAsync(first.RecordId, [second.RecordId], "x", "reviewer2", DateTimeOffset.UtcNow)).Refusal, "已合并");
        StringAssert.Contains((await Store.MergeAsync(second.RecordId, [first.RecordId], "x", "reviewer2", DateTimeOffset.UtcNow)).Refusal, "保留的记录已合并");
        var third = RecordFor(first.Text("identity.idNumber")!, "张建国");
        await Store.CommitAsync(SignedBatch("T650105-04", (third, 3)));
        StringAssert.Contains((await Store.MergeAsync(third.RecordId, [first.RecordId], "x", "reviewer2", DateTimeOffset.UtcNow)).Refusal, "保留的记录",
            "a record others were merged into is not merged away in turn (no chains)");
        Assert.HasCount(1, await Store.MergesAsync(first.RecordId));
        Assert.IsTrue((await Store.MergeAsync(first.RecordId, [third.RecordId], "第三次采集", "reviewer2", DateTimeOffset.UtcNow)).Merged, "a group: the third into the same kept record");
        Assert.AreEqual(0, await DuplicatesQueuedAsync());
        Assert.AreEqual(2, (await Store.CountsAsync()).Records, "张建国 once, 李明 once");
    }
}
