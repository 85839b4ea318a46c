using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;
using Terminal.Host.Storage.Model;
using Terminal.Testing;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The 比对核查 page in headless Chromium against the real host: a 公安 list uploaded with a typo, a 15-digit number,
/// another address and a person not collected, its columns mapped (and remembered), the discrepancies worked with a
/// note; a 民政 list with a malformed row and a missing column refused by row with nothing imported.
/// The 报表 page's downloads in the browser too. Screenshots go to artifacts/screenshots/host/.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed class CrossCheckPageTests : DashboardPageTest
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
    public async Task PublicSecurityList_MappedOnce_GivesItsDiscrepancies_WhichAReviewerWorksWithANote()
    {
        var scripted = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12), 17);
        var csv = $"""
            公民身份号码,姓名,出生日期,户籍地址,死亡日期
            650105650312001,张建国,1965-03-12,新疆乌鲁木齐市水磨沟区七道湾路8号,
            ,王照骗,1965-03-12,,
            650105800101003,赵六,1980-01-01,南湖南路5号,
            {scripted},<script>window.pwned=1</script>,1965-03-12,,2016-05-01
            """;
        await LogInAsync(DashboardFixture.Reviewer);
        await UploadAsync("PublicSecurity", "公安户籍名单.csv", csv);
        await Expect(Page.Locator("#mapping")).ToBeVisibleAsync();
        await Expect(Page.Locator("#map-IdNumber")).ToHaveValueAsync("公民身份号码");
        await Expect(Page.Locator("#map-Address")).ToHaveValueAsync("户籍地址");
        await ShotAsync("cross-check-mapping");
        await Page.ClickAsync("#import");
        await Expect(Page.Locator("#message")).ToContainTextAsync("已导入公安户籍名单 4 人");
        var items = Page.Locator("#items");
        await Expect(items.Locator("tr[data-kind='DifferentAddress']")).ToContainTextAsync("七道湾路");
        await Expect(items.Locator("tr[data-kind='NameTypo']")).ToContainTextAsync("王照骗");
        await Expect(items.Locator("tr[data-kind='NotCollected']")).ToContainTextAsync("赵六");
        await Expect(items.Locator("tr[data-kind='DeceasedBeforeReferenceDate']")).ToHaveCountAsync(1);
        Assert.IsFalse(await Page.EvaluateAsync<bool>("() => window.pwned === 1"), "a name from the list is text");
        await ShotAsync("cross-check-items");

        var row = items.Locator("tr[data-kind='DifferentAddress']");
        await row.Locator("select[name=state]").SelectOptionAsync("Verified");
        await row.Locator("input[name=note]").FillAsync("已与派出所核对，现住址以采集为准");
        await row.Locator("button").ClickAsync();
        await Expect(Page.Locator("#items tr[data-kind='DifferentAddress'] td.state")).ToContainTextAsync("已核实");
        await Expect(Page.Locator("#items tr[data-kind='DifferentAddress'] td.state")).ToContainTextAsync("已与派出所核对");
        Assert.IsTrue((await Host.Store.AuditAsync(null, 20)).Any(e => e.Action == "处理核查问题" && e.UserName == DashboardFixture.Reviewer));

        // the same department's next list: the mapping is remembered, no mapping step
        await UploadAsync("PublicSecurity", "公安户籍名单（补充）.csv", "公民身份号码,姓名,出生日期,户籍地址,死亡日期\n650105800101003,赵六,1980-01-01,南湖南路5号,\n");
        await Expect(Page.Locator("#message")).ToContainTextAsync("已导入公安户籍名单 1 人");
    }

    [TestMethod]
    public async Task CivilAffairsList_WithAMalformedRowOrAMissingColumn_IsRefusedByRowAndNothingIsImported()
    {
        var before = await Host.Store.RunsAsync();
        var csv = "身份证号,姓名,出生日期\n650105650312001,张建国,1965-03-12\n650105800101003,赵六,1980-13-45\n";
        await LogInAsync(DashboardFixture.Reviewer);
        await UploadAsync("CivilAffairs", "民政名单.csv", csv);
        await Page.ClickAsync("#import");
        await Expect(Page.Locator("#problems")).ToContainTextAsync("一行也没有导入");
        await Expect(Page.Locator("#problems")).ToContainTextAsync("第3行");
        await ShotAsync("cross-check-malformed-row");

        await Page.Locator("#map-Name").SelectOptionAsync("");
        await Page.ClickAsync("#import");
        await Expect(Page.Locator("#problems")).ToContainTextAsync("缺少“姓名”列");
        Assert.HasCount(before.Count, await Host.Store.RunsAsync(), "nothing imported");
        Assert.IsNull(await Host.Store.ColumnMappingAsync("CivilAffairs"), "a mapping is remembered only with a list imported");

        await UploadAsync("CivilAffairs", "民政名单.xlsx", "不是Excel文件");
        await Expect(Page.Locator("#problem")).ToBeVisibleAsync();
        await ShotAsync("cross-check-bad-file");
    }

    [TestMethod]
    public async Task ReportsPage_OffersTheDownloads_AndTheReportDownloadsAsAPdf()
    {
        await LogInAsync(DashboardFixture.Reviewer);
        await Page.ClickAsync("header nav a:text('报表')");
        await Expect(Page.Locator("#subjects")).ToHaveTextAsync("3");
        await Expect(Page.Locator("#plaque-street option[value='650105007']")).ToHaveTextAsync(new Regex("南湖北路"));
        await ShotAsync("reports");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#report-pdf"));
        StringAssert.EndsWith(download.SuggestedFilename, ".pdf");
        StringAssert.Contains(download.SuggestedFilename, "信息采集报告");
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }
        Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(head));
        await Page.Locator("#plaque-street").SelectOptionAsync("650105007");
        var plaques = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#plaque-download"));
        StringAssert.Contains(plaques.SuggestedFilename, "光荣牌悬挂名单");
    }

    private async Task UploadAsync(string department, string fileName, string content)
    {
        await Page.GotoAsync(Host.Address + "/cross-check");
        await Page.Locator("#department").SelectOptionAsync(department);
        await Page.Locator("#list-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content.Replace("\r\n", "\n")) });
        await Page.ClickAsync("#upload");
    }
}
