using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// Merging duplicates and the bulk selection in headless Chromium against the real host (its own): 张建国 collected
/// again by a second terminal is merged into his first record from the 疑似重复 queue with a note that is a script
/// (shown as text), both records' pages say so, search finds him once, and the merge is undone; the select-all box
/// ticks the rows shown and the count follows, and the bulk accept decides them all. Screenshots in artifacts/screenshots/host/.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed class MergePageTests : DashboardPageTest
{
    private static DashboardFixture? _host;
    private static Record _duplicate = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _host = await DashboardFixture.StartAsync();
        await _host.Store.RegisterTerminalAsync(new TerminalRegistration("T650105-05", "650105-05", [4], DateTimeOffset.UtcNow));
        // the same person (same ID number, the same photos) collected again at another terminal, whose package carries
        // its photos as every first version's does
        _duplicate = SampleRecords.Signed(_host.Clean with { RecordId = Guid.NewGuid(), Version = 1, Signature = null });
        var photos = new List<PhotoBlob>();
        foreach (var photo in _duplicate.Photos)
        {
            photos.Add(new PhotoBlob(photo.Sha256, photo.MediaType, (await _host.Store.PhotoAsync(photo.Sha256))!));
        }
        await _host.Store.CommitAsync(new IngestBatch("T650105-05", DateTimeOffset.UtcNow, [new IngestedRecord(_duplicate, 1, [], Encoding.UTF8.GetBytes("strokes"))], photos, []));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static DashboardFixture Host => _host!;

    private protected override DashboardFixture Fixture => Host;

    [TestMethod]
    public async Task Reviewer_MergesTheDuplicateIntoTheFirstRecord_ThenUndoesTheMerge()
    {
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.GotoAsync(Host.Address + "/quality?category=SuspectedDuplicate");
        await Expect(Page.Locator("#queue-SuspectedDuplicate")).ToContainTextAsync("疑似重复 1");
        await Page.ClickAsync($"#quality-rows tr[data-record=\"{_duplicate.RecordId:D}\"] a.merge-link");
        await Expect(Page.Locator("#merge-records tr[data-record]")).ToHaveCountAsync(2);
        await Page.CheckAsync($"#merge-records input.keep[value=\"{Host.Clean.RecordId:D}\"]");
        await Page.FillAsync("#merge-note", "<script>window.pwned=1</script>核实为同一人，保留先采集的一条");
        await ShotAsync("merge-form");
        await Page.ClickAsync("#merge");

        await Expect(Page).ToHaveURLAsync(new Regex($"/records/{Host.Clean.RecordId:D}$"));
        await Expect(Page.Locator("#merged-here")).ToContainTextAsync("<script>window.pwned=1</script>核实为同一人");
        await Expect(Page.Locator("#merge-link")).ToHaveCountAsync(0); // its only duplicate is merged: nothing left to merge
        await ShotAsync("merge-kept-record");
        await Page.ClickAsync($"#merged-here tr[data-merged=\"{_duplicate.RecordId:D}\"] a");
        await Expect(Page.Locator("#merged-into")).ToContainTextAsync("此记录已合并到");
        await Expect(Page.Locator("#kept-link")).ToHaveAttributeAsync("href", $"/records/{Host.Clean.RecordId:D}");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("() => window.pwned === undefined"), "the note is shown as text, never run");
        await ShotAsync("merge-merged-record");

        await Page.GotoAsync(Host.Address + "/quality?category=SuspectedDuplicate");
        await Expect(Page.Locator("#queue-SuspectedDuplicate")).ToContainTextAsync("疑似重复 0");
        await Page.GotoAsync(Host.Address + "/search?q=650105196503120019");
        await Expect(Page.Locator("#results tr")).ToHaveCountAsync(2, new() { Timeout = 5000 }); // the heading and 张建国 once
        await Expect(Page.Locator("#result-count")).ToContainTextAsync("另有 1 条重复记录已合并");

        await Page.GotoAsync($"{Host.Address}/records/{_duplicate.RecordId:D}");
        await Page.FillAsync("#merged-into .undo-note", "复核后仍需分别核实");
        await Page.ClickAsync("#merged-into button.undo");
        await Expect(Page).ToHaveURLAsync(new Regex($"/records/{_duplicate.RecordId:D}$"));
        await Expect(Page.Locator("#merged-into")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#audit")).ToContainTextAsync("撤销合并");
        await ShotAsync("merge-undone");
        await Page.GotoAsync(Host.Address + "/quality?category=SuspectedDuplicate");
        await Expect(Page.Locator("#queue-SuspectedDuplicate")).ToContainTextAsync("疑似重复 1");

        var audit = await Host.Store.AuditAsync(null, 500);
        Assert.AreEqual(2, audit.Count(a => a.Action == "合并记录" && a.UserName == DashboardFixture.Reviewer), "the merged record and the kept one");
        Assert.AreEqual(2, audit.Count(a => a.Action == "撤销合并"));
        Assert.IsFalse((await Host.Store.MergesAsync(_duplicate.RecordId)).Single().Standing);
    }

    [TestMethod]
    public async Task Reviewer_SelectsAllRowsShown_TheCountFollows_AndTheBulkAcceptDecidesThem()
    {
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.GotoAsync($"{Host.Address}/quality?terminal={DashboardFixture.TerminalId}");
        var rows = await Page.Locator("#quality-rows tr[data-record]").CountAsync();
        Assert.IsGreaterThan(1, rows, "the fixture's flagged records of one terminal");
        await Expect(Page.Locator("#selected-count")).ToHaveTextAsync("已选 0 条");
        await Page.CheckAsync("#select-all");
        await Expect(Page.Locator("#selected-count")).ToHaveTextAsync($"已选 {rows} 条");
        await Page.Locator("#quality-rows input.pick").First.UncheckAsync();
        await Expect(Page.Locator("#selected-count")).ToHaveTextAsync($"已选 {rows - 1} 条");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("() => document.getElementById('select-all').indeterminate"), "partly ticked");
        await ShotAsync("quality-select-partly");
        await Page.CheckAsync("#select-all");
        await Expect(Page.Locator("#quality-rows input.pick:checked")).ToHaveCountAsync(rows);
        await ShotAsync("quality-select-all");
        await Page.ClickAsync("#accept");
        await Expect(Page.Locator("#quality-message")).ToHaveTextAsync($"已处理 {rows} 条记录");
        await Expect(Page.Locator("#quality-empty")).ToBeVisibleAsync();
        var audit = await Host.Store.AuditAsync(null, 500);
        Assert.AreEqual(rows, audit.Count(a => a.Action == "审核" && a.UserName == DashboardFixture.Reviewer), "each record of the bulk decision audited as one");
    }
}
