using Terminal.Host.Storage.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>The quality queues: derived from the open flags of each record's newest version, filtered, paged, emptied by decisions.</summary>
public abstract partial class DistrictStoreContract
{
    [TestMethod]
    public async Task QualityQueue_PutsEachFlaggedRecordInItsQueues_AndADecisionTakesItOut()
    {
        var missing = SampleRecords.Signed(RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国").With("personal.street", null) with { Signature = null });
        var signed = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1970, 5, 1)), "李明");
        var changed = signed.With("living.employer", "另一家单位");
        await Store.CommitAsync(SignedBatch("T650105-04", (missing, 1), (changed, 2)));

        var queue = await Store.QualityQueueAsync(new QualityFilter());
        Assert.AreEqual(2, queue.Total);
        Assert.AreEqual(1, queue.Counts[QualityCategory.MissingField]);
        Assert.AreEqual(1, queue.Counts[QualityCategory.Signature]);
        var onlySignature = await Store.QualityQueueAsync(new QualityFilter(Category: QualityCategory.Signature));
        Assert.AreEqual(changed.RecordId, onlySignature.Rows.Single().RecordId);
        Assert.AreEqual(0, (await Store.QualityQueueAsync(new QualityFilter(CollectionPoint: "650105-01"))).Total, "another point's filter");
        Assert.AreEqual(0, (await Store.QualityQueueAsync(new QualityFilter(TerminalId: "T650105-99"))).Total, "another terminal's filter");
        var paged = await Store.QualityQueueAsync(new QualityFilter(Page: 2, PageSize: 1));
        Assert.AreEqual(2, paged.Total);
        Assert.HasCount(1, paged.Rows);
        Assert.AreNotEqual(queue.Rows[0].RecordId, paged.Rows[0].RecordId, "page 2 is the second row");

        var decided = await Store.DecideAsync([(missing.RecordId, 1), (Guid.NewGuid(), 1), (changed.RecordId, 7)], ReviewDecision.Missing, "<script>x</script>缺街道",
            ["personal.street"], "reviewer1", DateTimeOffset.UtcNow);
        CollectionAssert.AreEqual(new[] { (missing.RecordId, 1) }, decided.ToArray(), "a forged id or version is skipped");
        var again = await Store.DecideAsync([(missing.RecordId, 1)], ReviewDecision.Accepted, "", [], "reviewer2", DateTimeOffset.UtcNow);
        Assert.IsEmpty(again, "one decision per version");
        var entry = (await Store.DecisionsAsync(missing.RecordId)).Single();
        Assert.AreEqual(ReviewDecision.Missing, entry.Decision);
        Assert.AreEqual("<script>x</script>缺街道", entry.Note, "stored as typed; the page encodes it");
        CollectionAssert.AreEqual(new[] { "personal.street" }, entry.Fields.ToArray());
        Assert.AreEqual("reviewer1", entry.DecidedBy);
        var after = await Store.QualityQueueAsync(new QualityFilter());
        Assert.AreEqual(changed.RecordId, after.Rows.Single().RecordId);
        Assert.AreEqual(0, after.Counts[QualityCategory.MissingField]);
    }
}
