using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>What the reports read: the current version of each record, and the quality figures from the open flags.</summary>
public abstract partial class DistrictStoreContract
{
    [TestMethod]
    public async Task CurrentRecords_GiveTheNewestVersionOfEachRecordOnce_AndOnlyTheStreetAsked()
    {
        var a = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var b = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12), 41), "李秀英").With("personal.street", "650105005");
        await Store.CommitAsync(SignedBatch("T650105-04", (a, 1), (b, 2)));
        var corrected = SampleRecords.Signed((a with { Version = 2 }).With("identity.name", "张建军") with { Signature = null });
        await Store.CommitAsync(SignedBatch("T650105-04", (corrected, 3)));

        var all = new List<Record>();
        await foreach (var r in Store.CurrentRecordsAsync())
        {
            all.Add(r);
        }
        Assert.HasCount(2, all, "one per record, whatever its versions");
        var newest = all.Single(r => r.RecordId == a.RecordId);
        Assert.AreEqual(2, newest.Version);
        Assert.AreEqual("张建军", newest.Text("identity.name"));

        var street = new List<Record>();
        await foreach (var r in Store.CurrentRecordsAsync("650105005"))
        {
            street.Add(r);
        }
        Assert.AreEqual(b.RecordId, street.Single().RecordId);
    }

    [TestMethod]
    public async Task FlagFigures_CountRecordsByTheirOpenFlags_AndForgetWhatWasChecked()
    {
        Assert.AreEqual(new FlagFigures(0, 0, 0, 0, 0), await Store.FlagFiguresAsync(), "an empty district");
        await Store.RegisterTerminalAsync(new TerminalRegistration("T650105-05", "650105-05", [4], DateTimeOffset.UtcNow));
        var good = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12)), "张建国");
        var noStreet = SampleRecords.Signed(RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12), 21), "王芳").With("personal.street", null) with { Signature = null });
        var changed = RecordFor(SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12), 31), "赵强").With("living.employer", "另一家单位");
        var twice = RecordFor(good.Text("identity.idNumber")!, "张建国");
        await Store.CommitAsync(SignedBatch("T650105-04", (good, 1), (noStreet, 2), (changed, 3)));
        await Store.CommitAsync(SignedBatch("T650105-05", (twice, 1)));

        var figures = await Store.FlagFiguresAsync();
        Assert.AreEqual(4, figures.RecordsReceived);
        Assert.AreEqual(1, figures.RuleViolations, "the record without a street");
        Assert.AreEqual(2, figures.SuspectedDuplicates, "the newcomer and the record it names");
        Assert.AreEqual(1, figures.SignatureMismatches, "the record changed after signing");
        Assert.AreEqual(0, figures.PhotoProblems);

        foreach (var f in (await Store.FlagsAsync(noStreet.RecordId)).Where(f => f.RecordId == noStreet.RecordId))
        {
            await Store.ResolveFlagAsync(noStreet.RecordId, f.Version, f.Position, "reviewer1", DateTimeOffset.UtcNow);
        }
        Assert.AreEqual(0, (await Store.FlagFiguresAsync()).RuleViolations, "a checked flag no longer counts");
    }
}
