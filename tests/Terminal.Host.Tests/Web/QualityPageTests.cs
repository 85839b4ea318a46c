using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The 审核 page in headless Chromium against the real host (its own, so its decisions touch no other test): the
/// queues' counts, the filter by queue, marking a record as problem data with a note that is a script (shown as
/// text), and a bulk accept of the rest. Screenshots go to artifacts/screenshots/host/.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed class QualityPageTests : DashboardPageTest
{
    private static DashboardFixture? _host;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _) => _host = await DashboardFixture.StartAsync();

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
    public async Task Reviewer_FiltersByQueue_MarksProblemDataWithANote_ThenAcceptsTheRestInBulk()
    {
        await Page.GotoAsync(Host.Address + "/login");
        await Page.FillAsync("#user", DashboardFixture.Reviewer);
        await Page.FillAsync("#password", DashboardFixture.Password);
        await Page.ClickAsync("#login");
        await Expect(Page).ToHaveURLAsync(new Regex("/progress$"));
        await Page.ClickAsync("nav >> text=审核");
        await Expect(Page.Locator("#queue-Photo")).ToContainTextAsync("照片超限或无法读取 1");
        await ShotAsync("quality-queues");

        await Page.SelectOptionAsync("#category", nameof(QualityCategory.Photo));
        await Page.ClickAsync("#apply-filter");
        await Expect(Page.Locator("#quality-rows tr[data-record]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#quality-rows tr[data-record]")).ToContainTextAsync("王照片");
        await Page.CheckAsync("#quality-rows input.pick");
        await Page.FillAsync("#note", "<script>window.pwned=1</script>照片无法读取，请重拍本人照片");
        await Page.FillAsync("#fields", "photos.personal");
        await ShotAsync("quality-mark-problem");
        await Page.ClickAsync("#mark-problem");
        await Expect(Page.Locator("#quality-message")).ToHaveTextAsync("已处理 1 条记录");
        await Expect(Page.Locator("#quality-empty")).ToBeVisibleAsync();
        var decision = (await Host.Store.DecisionsAsync(Host.DamagedPhoto.RecordId)).Single();
        Assert.AreEqual(ReviewDecision.Problem, decision.Decision);
        CollectionAssert.AreEqual(new[] { "photos.personal" }, decision.Fields.ToArray());

        await Page.GotoAsync($"{Host.Address}/records/{Host.DamagedPhoto.RecordId:D}");
        await Expect(Page.Locator("#audit")).ToContainTextAsync("<script>window.pwned=1</script>照片无法读取");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("() => window.pwned === undefined"), "the note is shown as text, never run");

        await Page.GotoAsync(Host.Address + "/quality");
        var left = await Page.Locator("#quality-rows tr[data-record]").CountAsync();
        Assert.IsGreaterThan(0, left, "the fixture's other flagged records are still waiting");
        for (var i = 0; i < left; i++)
        {
            await Page.Locator("#quality-rows input.pick").Nth(i).CheckAsync();
        }
        await Page.ClickAsync("#accept");
        await Expect(Page.Locator("#quality-message")).ToHaveTextAsync($"已处理 {left} 条记录");
        await Expect(Page.Locator("#quality-empty")).ToBeVisibleAsync();
        await ShotAsync("quality-after-bulk-accept");
        var audit = await Host.Store.AuditAsync(null, 500);
        Assert.AreEqual(left + 1, audit.Count(a => a.Action == "审核" && a.UserName == DashboardFixture.Reviewer), "each decided record in the office audit");
    }
}
