using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Terminal.Host.Storage.Model;
using Terminal.Testing;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The 补正 page in headless Chromium against the real host (its own): two items made by reviewers' decisions, one
/// sent to the point's terminal, the other answered by a version 2 that keeps version 1's photos; a reviewer filters
/// by state, closes the corrected one with a note that is a script (shown as text), withdraws the other, and the
/// record's page shows its items with the versions linked. A viewer sees the items without the actions and is
/// refused when posting them; a forged item id changes nothing. Screenshots go to artifacts/screenshots/host/.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed class CorrectionsPageTests : DashboardPageTest
{
    private const string ScriptNote = "<script>window.pwned=1</script>已核对第 2 版，照片已重拍";

    private static DashboardFixture? _host;
    private static Guid _corrected;
    private static Guid _sent;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _host = await DashboardFixture.StartAsync();
        var store = _host.Store;
        var photo = _host.DamagedPhoto;
        await store.DecideAsync([(photo.RecordId, 1)], ReviewDecision.Problem, "<script>window.pwned=1</script>照片无法读取，请重拍", ["photos.PersonalPhoto"], DashboardFixture.Reviewer, DateTimeOffset.UtcNow);
        await store.DecideAsync([(_host.Scripted.RecordId, 1)], ReviewDecision.Missing, "缺街道", ["personal.street"], DashboardFixture.Reviewer, DateTimeOffset.UtcNow);
        _corrected = (await store.CorrectionsOfRecordAsync(photo.RecordId)).Single().ItemId;
        _sent = (await store.CorrectionsOfRecordAsync(_host.Scripted.RecordId)).Single().ItemId;
        // the terminal of the point applied the list (as a docking's answer records it), then version 2 of the photo's record came back keeping its photos
        var push = Guid.NewGuid();
        await store.CorrectionListSentAsync(DashboardFixture.TerminalId, [new CorrectionPartSent(push, 1, 1, "list", [_corrected, _sent])], DateTimeOffset.UtcNow);
        await store.CorrectionListAnsweredAsync(DashboardFixture.TerminalId, push, true, "", DateTimeOffset.UtcNow);
        var v2 = SampleRecords.Signed(photo.With("living.employer", "新单位") with { Version = 2, Signature = null });
        await store.CommitAsync(new IngestBatch(DashboardFixture.TerminalId, DateTimeOffset.UtcNow, [new IngestedRecord(v2, 6, [], "strokes"u8.ToArray())], [], []));
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
    public async Task Reviewer_FiltersByState_ClosesTheCorrectedItem_WithdrawsTheOther_AndTheRecordPageLinksTheVersions()
    {
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.ClickAsync("#menu-corrections");
        await Expect(Page.Locator("#state-Corrected")).ToContainTextAsync("已补正 1");
        await Expect(Page.Locator("#state-Sent")).ToContainTextAsync("已下发 1");
        await Expect(Page.Locator("#corrections-rows")).ToContainTextAsync("<script>window.pwned=1</script>照片无法读取");
        await ShotAsync("corrections-list");

        await Page.SelectOptionAsync("#state", nameof(CorrectionState.Corrected));
        await Page.ClickAsync("#apply-filter");
        var row = Page.Locator($"tr[data-item='{_corrected:D}']");
        await Expect(Page.Locator("#corrections-rows tr[data-item]")).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("收到第 2 版（终端 T650105-04）");
        await row.Locator("input[name=note]").FillAsync(ScriptNote);
        await ShotAsync("corrections-close");
        await Page.ClickAsync($"#close-{_corrected:D}");
        await Expect(Page.Locator("#corrections-message")).ToHaveTextAsync("已关闭该补正事项");
        await Expect(Page.Locator("#corrections-empty")).ToBeVisibleAsync();
        Assert.AreEqual(CorrectionState.Closed, (await Host.Store.CorrectionAsync(_corrected))!.State);

        await Page.GotoAsync(Host.Address + "/corrections?state=Sent");
        await Page.Locator($"tr[data-item='{_sent:D}'] input[name=note]").FillAsync("已电话核实，街道无误");
        await Page.ClickAsync($"#withdraw-{_sent:D}");
        await Expect(Page.Locator("#corrections-message")).ToContainTextAsync("已撤销");
        Assert.AreEqual(CorrectionState.Withdrawn, (await Host.Store.CorrectionAsync(_sent))!.State);

        await Page.GotoAsync($"{Host.Address}/records/{Host.DamagedPhoto.RecordId:D}?version=1");
        var section = Page.Locator("#record-corrections");
        await Expect(section).ToContainTextAsync("已关闭");
        await Expect(section).ToContainTextAsync(ScriptNote);
        await Page.ClickAsync("#record-corrections >> text=第 2 版");
        await Expect(Page).ToHaveURLAsync(new Regex("version=2$"));
        await Expect(Page.Locator("#version")).ToContainTextAsync("第 2 版");
        await ShotAsync("corrections-record-page");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("() => window.pwned === undefined"), "notes are shown as text, never run");
        var audit = (await Host.Store.AuditAsync("record:" + Host.DamagedPhoto.RecordId.ToString("D"))).Select(a => a.Action).ToList();
        CollectionAssert.IsSubsetOf(new[] { "补正：新建", "补正：已下发", "补正：已补正", "补正：关闭" }, audit);
    }

    [TestMethod]
    public async Task Viewer_SeesTheItemsWithoutActions_AndIsRefusedWhenPostingAClose_AndAForgedIdChangesNothing()
    {
        await LogInAsync(DashboardFixture.Viewer);
        await Page.GotoAsync(Host.Address + "/corrections");
        await Expect(Page.Locator("#corrections-rows")).ToBeVisibleAsync();
        await Expect(Page.Locator("#corrections-rows form")).ToHaveCountAsync(0);
        var before = (await Host.Store.CorrectionAsync(_corrected))!.State;
        var refused = await PostAsync($"/corrections/{_corrected:D}/close", "看一看");
        Assert.AreEqual(302, refused.Status);
        StringAssert.StartsWith(new Uri(new Uri(Host.Address), refused.Headers["location"]).AbsolutePath, "/denied");
        Assert.AreEqual(before, (await Host.Store.CorrectionAsync(_corrected))!.State, "a viewer's close changes nothing");

        await Page.Context.ClearCookiesAsync();
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.GotoAsync(Host.Address + "/corrections");
        var forged = Guid.NewGuid();
        var missing = await PostAsync($"/corrections/{forged:D}/withdraw", "伪造");
        Assert.AreEqual(404, missing.Status);
        StringAssert.Contains(await missing.TextAsync(), "没有这个补正事项");
        Assert.IsFalse((await Host.Store.AuditAsync(null, 1000)).Any(a => a.Detail.Contains(forged.ToString("D"), StringComparison.Ordinal)), "nothing audited for an item that is not there");
        var noNote = await PostAsync($"/corrections/{_corrected:D}/close", "  ");
        Assert.AreEqual(400, noNote.Status);
        StringAssert.Contains(await noNote.TextAsync(), "请写明核对结果");
        var malformed = await Page.APIRequest.PostAsync(Host.Address + "/corrections/1%20OR%201=1/close", new() { Form = Form(await CsrfAsync(), "x"), MaxRedirects = 0 });
        Assert.AreEqual(404, malformed.Status, "an id that is not a GUID matches no route");
    }

    private async Task<string> CsrfAsync() => await Page.Locator("input[name=__csrf]").First.GetAttributeAsync("value") ?? "";

    private IFormData Form(string csrf, string note)
    {
        var form = Page.APIRequest.CreateFormData();
        form.Set("__csrf", csrf);
        form.Set("note", note);
        return form;
    }

    private async Task<IAPIResponse> PostAsync(string path, string note) =>
        await Page.APIRequest.PostAsync(Host.Address + path, new() { Form = Form(await CsrfAsync(), note), MaxRedirects = 0 });
}
