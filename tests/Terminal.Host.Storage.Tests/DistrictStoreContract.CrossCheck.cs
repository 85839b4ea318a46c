using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage.Tests;

/// <summary>The cross-checks' data: a run, its items and the mapping stored together; items worked with a state and note.</summary>
public abstract partial class DistrictStoreContract
{
    private static CrossCheckRun Run(string department = "PublicSecurity") =>
        new(Guid.NewGuid(), department, "公安户籍名单.xlsx", new string('a', 64), 3, 2, "reviewer1", DateTimeOffset.UtcNow);

    [TestMethod]
    public async Task CrossCheckRun_IsStoredWithItsItemsAndMapping_AndItemsAreWorkedWithANote()
    {
        Assert.IsNull(await Store.ColumnMappingAsync("PublicSecurity"));
        var run = Run();
        var recordId = Guid.NewGuid();
        await Store.SaveRunAsync(run, "{\"v\":1}", [new NewReviewItem("NotCollected", null, 2, "名单第2行的王五未采集"), new NewReviewItem("DifferentAddress", recordId, 3, "住址不同")]);
        Assert.AreEqual("{\"v\":1}", await Store.ColumnMappingAsync("PublicSecurity"));
        Assert.AreEqual(run.RunId, (await Store.RunsAsync()).Single().RunId);
        var items = await Store.ReviewItemsAsync(ReviewState.Open, null);
        Assert.HasCount(2, items);
        Assert.AreEqual("公安户籍名单.xlsx", items[0].FileName);
        Assert.IsNull(items[0].RecordId);
        Assert.AreEqual(recordId, items[1].RecordId);
        Assert.AreEqual(3, items[1].ListRow);
        Assert.AreEqual(2, await Store.OpenReviewItemsAsync());

        Assert.IsTrue(await Store.WorkReviewItemAsync(run.RunId, 1, ReviewState.Corrected, "已按户籍更正住址", "reviewer1", DateTimeOffset.UtcNow));
        Assert.IsFalse(await Store.WorkReviewItemAsync(run.RunId, 9, ReviewState.Verified, null, "reviewer1", DateTimeOffset.UtcNow), "no such item");
        var worked = (await Store.ReviewItemsAsync(ReviewState.Corrected, run.RunId)).Single();
        Assert.AreEqual("已按户籍更正住址", worked.Note);
        Assert.AreEqual("reviewer1", worked.WorkedBy);
        Assert.AreEqual(1, await Store.OpenReviewItemsAsync());

        await Store.SaveRunAsync(Run(), "{\"v\":2}", []);
        Assert.AreEqual("{\"v\":2}", await Store.ColumnMappingAsync("PublicSecurity"), "the newest mapping replaces the old");
    }

    [TestMethod]
    public async Task CrossCheckRun_ThatFailsHalfway_LeavesNothing()
    {
        var run = Run("CivilAffairs");
        await Store.SaveRunAsync(run, "{}", []);
        // the same run id again: the run's insert fails after the mapping's, and the transaction takes the mapping back too
        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => Store.SaveRunAsync(run with { Department = "MedicalInsurance" }, "{\"new\":1}", [new NewReviewItem("NotCollected", null, 1, "x")]));
        Assert.IsNull(await Store.ColumnMappingAsync("MedicalInsurance"));
        Assert.AreEqual(0, await Store.OpenReviewItemsAsync());
    }
}
