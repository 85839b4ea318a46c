using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The office dashboard in headless Chromium (Debian's, through Playwright) against the real host: login with a
/// wrong then the right password, progress per point and street, the record's page (photos, signature check,
/// versions, audit trail), the people not yet seen, and hostile input (a name that is a script, SQL in every
/// search box). Screenshots go to artifacts/screenshots/host/.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed partial class DashboardPagesTests : DashboardPageTest
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
    public async Task Login_WrongPasswordThenRight_SaysHowManyTriesAreLeftThenShowsProgress()
    {
        await Page.GotoAsync(Host.Address + "/progress");
        await Expect(Page).ToHaveURLAsync(new Regex("/login"));
        await Page.FillAsync("#user", DashboardFixture.Viewer);
        await Page.FillAsync("#password", "不是这个密码123");
        await Page.ClickAsync("#login");
        await Expect(Page.Locator("#login-message")).ToContainTextAsync("再错 4 次");
        await ShotAsync("login-wrong-password");
        await Page.FillAsync("#password", DashboardFixture.Password);
        await Page.ClickAsync("#login");
        await Expect(Page).ToHaveURLAsync(new Regex("/progress$"));
        await Expect(Page.Locator("#who")).ToContainTextAsync("查看员赵（查看员）");
        var south = Page.Locator("#points tr[data-point='650105-04'] td");
        await Expect(south.Nth(0)).ToHaveTextAsync("南湖北采集点");
        await Expect(south.Nth(1)).ToHaveTextAsync("4");
        // of the three people collected there only 张建国 is in the initial data: the other two are counted apart, for checking
        await Expect(south.Nth(2)).ToHaveTextAsync("1", new() { Timeout = 2000 });
        await Expect(south.Nth(3)).ToHaveTextAsync("25.0%");
        await Expect(south.Nth(4)).ToHaveTextAsync("2");
        await Expect(Page.Locator("#points tr")).ToHaveCountAsync(9); // the header and the eight points of seed 000
        await Expect(Page.Locator("#streets tr[data-street='650105007'] td").Nth(0)).ToContainTextAsync("南湖北路");
        await ShotAsync("progress");
    }

    [TestMethod]
    public async Task RecordPage_OfACorrectedRecord_ShowsPhotosSignatureCheckVersionsAndWhoViewedIt()
    {
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.GotoAsync(Host.Address + "/search");
        await Page.FillAsync("#q", "张建国");
        await Page.ClickAsync("#search");
        await Page.ClickAsync("#results a >> nth=0");
        await Expect(Page.Locator("#name")).ToHaveTextAsync("张建国");
        await Expect(Page.Locator("#version")).ToContainTextAsync("第 2 版（共 2 版）");
        await Expect(Page.Locator("#signature")).ToContainTextAsync("签名与内容一致");
        await Expect(Page.Locator("#signature")).ToContainTextAsync("笔迹数据 完整");
        await Expect(Page.Locator(".fields tr[data-field='living.employer'] td")).ToHaveTextAsync("乌鲁木齐市某机械厂（已更正）");
        await Expect(Page.Locator("#versions tr")).ToHaveCountAsync(3);
        var photo = Page.Locator("#photos img.photo").Nth(1);
        await Expect(photo).ToBeVisibleAsync();
        Assert.IsTrue(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 360"), "the personal photo is served and decoded");
        await Page.ReloadAsync();
        await Expect(Page.Locator("#audit")).ToContainTextAsync("查看记录");
        await Expect(Page.Locator("#audit")).ToContainTextAsync(DashboardFixture.Reviewer);
        await Expect(Page.Locator("#audit")).ToContainTextAsync("查看照片");
        await ShotAsync("record");
        await Page.ClickAsync("#versions a >> nth=0");
        await Expect(Page.Locator(".fields tr[data-field='living.employer'] td")).ToHaveTextAsync("乌鲁木齐市某机械厂");
    }

    [TestMethod]
    public async Task ScriptInAName_IsShownAsTextInSearchRecordAndNotSeenList()
    {
        await LogInAsync(DashboardFixture.Viewer);
        var dialogs = 0;
        Page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await Page.GotoAsync(Host.Address + "/search?q=" + Uri.EscapeDataString("<script>"));
        await Expect(Page.Locator("#result-count")).ToContainTextAsync("“<script>”：找到 1 条");
        await Expect(Page.Locator("#results a")).ToHaveTextAsync("<script>window.pwned=1</script>");
        await Page.ClickAsync("#results a");
        await Expect(Page.Locator("#name")).ToHaveTextAsync("<script>window.pwned=1</script>");
        await Expect(Page.Locator("h1")).ToContainTextAsync("<script>");
        await ShotAsync("record-script-name");
        await Page.GotoAsync(Host.Address + "/not-seen");
        await Expect(Page.Locator("#not-seen")).ToContainTextAsync("<script>window.pwned=1</script>");
        await Expect(Page.Locator("#not-seen")).ToContainTextAsync("阿不都热合曼·买买提");
        await Expect(Page.Locator("#not-seen")).Not.ToContainTextAsync("张建国");
        await ShotAsync("not-seen");
        Assert.IsTrue(await Page.EvaluateAsync<bool>("() => window.pwned === undefined"), "no script from the data ran");
        Assert.AreEqual(0, dialogs);
    }

    [TestMethod]
    [DataRow("' OR '1'='1")]
    [DataRow("'; DROP TABLE records; --")]
    [DataRow("650105196503120019' OR 1=1 --")]
    [DataRow("%")]
    [DataRow("_")]
    public async Task SqlInEverySearchBox_FindsNothingAndBreaksNothing(string hostile)
    {
        await LogInAsync(DashboardFixture.Viewer);
        await Page.GotoAsync(Host.Address + "/search");
        await Page.FillAsync("#q", hostile);
        await Page.ClickAsync("#search");
        await Expect(Page.Locator("#result-count")).ToContainTextAsync("找到 0 条");
        var notSeen = await Page.GotoAsync(Host.Address + "/not-seen?point=" + Uri.EscapeDataString(hostile));
        Assert.AreEqual(200, notSeen!.Status);
        await Expect(Page.Locator("#point")).ToHaveValueAsync("", new() { Timeout = 2000 });
        var record = await Page.GotoAsync(Host.Address + "/records/" + Uri.EscapeDataString(hostile));
        Assert.AreEqual(404, record!.Status);
        await Expect(Page.Locator("#error")).ToContainTextAsync("没有这个页面");
        await Page.GotoAsync(Host.Address + "/search?q=" + Uri.EscapeDataString("张建国"));
        await Expect(Page.Locator("#result-count")).ToContainTextAsync("找到 1 条", new() { Timeout = 2000 }); // one record (two versions)
    }

    [TestMethod]
    public async Task RecordWithADamagedPhoto_ShowsTheFlagAndNoBrokenImage()
    {
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.GotoAsync($"{Host.Address}/records/{Host.DamagedPhoto.RecordId:D}");
        await Expect(Page.Locator("#flags")).ToContainTextAsync("照片损坏");
        await Expect(Page.Locator(".photo-damaged")).ToHaveCountAsync(1);
        await ShotAsync("record-damaged-photo");
        var sha = Host.DamagedPhoto.Photos[1].Sha256;
        var photo = await Page.GotoAsync($"{Host.Address}/photos/{sha}?record={Host.DamagedPhoto.RecordId:D}");
        Assert.AreEqual(422, photo!.Status, "bytes that are not a JPEG are never served as an image");
    }
}
