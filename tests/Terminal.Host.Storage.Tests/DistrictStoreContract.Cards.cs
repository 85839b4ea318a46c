using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>The 证件 queue: an expired card, and the office's list of flagged cards applied at ingest and when the list changes.</summary>
public abstract partial class DistrictStoreContract
{
    private async Task<int> CardQueuedAsync() => (await Store.QualityQueueAsync(new QualityFilter(Category: QualityCategory.Card))).Total;

    [TestMethod]
    public async Task Commit_CardValidUntilBeforeTheCollectionDate_IsInTheCardQueue()
    {
        var expired = SampleRecords.Signed(RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国").With("identity.validUntil", "2010-01-01") with { Signature = null });
        await Store.CommitAsync(SignedBatch("T650105-04", (expired, 1)));
        Assert.AreEqual(1, await CardQueuedAsync());
        CollectionAssert.Contains((await CodesAsync(expired.RecordId)).ToList(), "IdCardExpired");
    }

    [TestMethod]
    public async Task FlaggedCard_FlagsRecordsAtIngestAndWhenListed_AndTakingItOffResolvesThem()
    {
        var listedFirst = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        var listedLater = SampleRecords.IdNumberFor(new DateOnly(1970, 5, 1));
        Assert.AreEqual(0, await Store.FlagCardAsync(listedFirst, "本人报告身份证遗失", "admin1", DateTimeOffset.UtcNow), "no record carries it yet");
        var arriving = RecordFor(listedFirst, "张建国");
        var stored = RecordFor(listedLater, "李明");
        await Store.CommitAsync(SignedBatch("T650105-04", (arriving, 1), (stored, 2)));
        var atIngest = (await Store.FlagsAsync(arriving.RecordId)).Single(f => f.Flag.Code == IngestFlagCodes.CardFlagged);
        StringAssert.Contains(atIngest.Flag.Message, "本人报告身份证遗失");
        Assert.AreEqual(1, await CardQueuedAsync());

        Assert.AreEqual(1, await Store.FlagCardAsync(listedLater, "<script>x</script>公安通报挂失", "admin1", DateTimeOffset.UtcNow), "a stored record is flagged when its number is listed");
        Assert.AreEqual(0, await Store.FlagCardAsync(listedLater, "公安通报挂失", "admin1", DateTimeOffset.UtcNow), "listed again: no second flag");
        Assert.AreEqual(2, await CardQueuedAsync());
        CollectionAssert.Contains((await Store.FindByIdNumberAsync(listedLater)).Single().Flags.ToList(), IngestFlagCodes.CardFlagged, "the record's list of codes too");
        var list = await Store.FlaggedCardsAsync();
        Assert.HasCount(2, list);
        Assert.AreEqual(("公安通报挂失", 1L), (list.Single(c => c.IdNumber == listedLater).Reason, list.Single(c => c.IdNumber == listedLater).Records));

        Assert.AreEqual(1, await Store.UnflagCardAsync(listedLater, "admin2", DateTimeOffset.UtcNow));
        Assert.IsNull(await Store.UnflagCardAsync(listedLater, "admin2", DateTimeOffset.UtcNow), "not on the list any more");
        Assert.AreEqual(1, await CardQueuedAsync());
        var resolved = (await Store.FlagsAsync(stored.RecordId)).Single(f => f.Flag.Code == IngestFlagCodes.CardFlagged);
        Assert.AreEqual("admin2", resolved.ResolvedBy, "kept, resolved in the name of who took the card off");
        Assert.HasCount(1, await Store.FlaggedCardsAsync());
    }
}
