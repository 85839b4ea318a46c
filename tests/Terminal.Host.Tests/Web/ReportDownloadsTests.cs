using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Terminal.Host.Reports.Exports;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The 报表 downloads over HTTP against the real host and its district database: the district report, a person's
/// form and a street's honour-plaque list as PDFs that poppler reads and that hold the Chinese text; the summary XLSX
/// read back with ClosedXML; the city package's manifest checksums; each download in the office audit with who,
/// what and how many people; and who may download what.
/// </summary>
[TestClass]
[TestCategory("Database")]
[DoNotParallelize]
public sealed partial class ReportDownloadsTests
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

    private static async Task<HttpClient> LoggedInAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Host.Address) };
        var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = WebUtility.HtmlDecode(CsrfField().Match(login).Groups[1].Value);
        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["user"] = user, ["password"] = DashboardFixture.Password, ["returnUrl"] = "/progress",
        }));
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, "logged in");
        return client;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string path, string contentType)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.IsNotNull(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, "sent as a named file");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The PDF's text as poppler reads it (pdftotext), spaces removed; and its first page rendered to PNG by pdftoppm in artifacts/screenshots/host/.</summary>
    private static string PdfText(byte[] pdf, string name)
    {
        var folder = DashboardPageTest.ScreenshotFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        Assert.AreEqual(0, Run("/usr/bin/pdftoppm", "-png", "-r", "60", "-l", "1", "-singlefile", path, Path.Combine(folder, name)).Code, "poppler renders " + name);
        Assert.IsTrue(File.Exists(Path.Combine(folder, name + ".png")));
        var (code, text) = Run("/usr/bin/pdftotext", "-layout", path, "-");
        Assert.AreEqual(0, code, "poppler reads the text of " + name);
        File.Delete(path);
        return Regex.Replace(text, @"\s+", "");
    }

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        Assert.IsTrue(File.Exists(program), $"{program} is missing: install poppler-utils (tests/lib/tools.sh TEST_PACKAGES)");
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static async Task<string> LastAuditAsync(string action)
    {
        var entries = await Host.Store.AuditAsync(null, 50);
        var entry = entries.FirstOrDefault(e => e.Action == action) ?? throw new AssertFailedException($"no audit entry “{action}”");
        return $"{entry.UserName}|{entry.Subject}|{entry.Detail}";
    }

    [TestMethod]
    public async Task DistrictReport_IsAPdfWithTheChineseTitleAndCounts_AndAudited()
    {
        using var client = await LoggedInAsync(DashboardFixture.Viewer);
        var text = PdfText(await DownloadAsync(client, "/reports/district.pdf", "application/pdf"), "report-district");
        StringAssert.Contains(text, "水磨沟区退役军人和其他优抚对象信息采集报告");
        StringAssert.Contains(text, "按对象类别");
        StringAssert.Contains(text, "南湖北采集点");
        var audit = await LastAuditAsync("导出区信息采集报告");
        StringAssert.StartsWith(audit, DashboardFixture.Viewer + "|report:district|3 人，");
        StringAssert.Contains(audit, "SHA-256 ");
    }

    [TestMethod]
    public async Task SummaryXlsx_ReadsBackWithTheCountsAndOneRowPerSubject()
    {
        using var client = await LoggedInAsync(DashboardFixture.Viewer);
        var bytes = await DownloadAsync(client, "/reports/summary.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var subjects = workbook.Worksheet(SummaryWorkbook.SubjectsSheet);
        var cells = subjects.CellsUsed().Select(c => c.GetString()).ToList();
        CollectionAssert.Contains(cells, "650105196503120019", "张建国's row");
        CollectionAssert.Contains(cells, "<script>window.pwned=1</script>", "a hostile name is text, as typed");
        Assert.IsFalse(workbook.Worksheets.Any(s => s.CellsUsed().Any(c => c.HasFormula)), "no formula anywhere");
        Assert.AreEqual(4, subjects.RowsUsed().Count(), "the heading and the three subjects (a corrected record once)");
        StringAssert.StartsWith(await LastAuditAsync("导出汇总数据"), DashboardFixture.Viewer + "|report:summary|3 人，");
    }

    [TestMethod]
    public async Task CityPackage_ItsManifestChecksumsHold_AndOnlyReviewersMayExportIt()
    {
        using var viewer = await LoggedInAsync(DashboardFixture.Viewer);
        var refused = await viewer.GetAsync(new Uri("/reports/city-package.zip", UriKind.Relative));
        Assert.AreNotEqual(HttpStatusCode.OK, refused.StatusCode, "a viewer may not export the city's package");

        using var client = await LoggedInAsync(DashboardFixture.Reviewer);
        var bytes = await DownloadAsync(client, "/reports/city-package.zip", "application/zip");
        using var zip = new MemoryStream(bytes);
        Assert.HasCount(0, CityUploadPackage.Verify(zip), "every file matches the manifest's SHA-256");
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        StringAssert.Contains(manifest.RootElement.GetRawText(), DashboardFixture.Reviewer, "the manifest names who exported it");
        Assert.IsNotNull(archive.GetEntry("SHA256SUMS"));
        StringAssert.StartsWith(await LastAuditAsync("导出报市数据包"), DashboardFixture.Reviewer + "|report:city-package|3 人，");
    }

    [TestMethod]
    public async Task PersonsForm_FromTheRecordsPage_IsAPdfWithTheirName()
    {
        using var client = await LoggedInAsync(DashboardFixture.Reviewer);
        var page = await client.GetStringAsync(new Uri($"/records/{Host.Clean.RecordId:D}", UriKind.Relative));
        var link = WebUtility.HtmlDecode(FormLink().Match(page).Groups[1].Value);
        Assert.AreEqual($"/records/{Host.Clean.RecordId:D}/form.pdf?version=2", link, "the record's page links its form");
        var text = PdfText(await DownloadAsync(client, link, "application/pdf"), "form-person");
        StringAssert.Contains(text, "张建国");
        StringAssert.Contains(text, "乌鲁木齐市某机械厂（已更正）", "the version asked for");
        StringAssert.StartsWith(await LastAuditAsync("导出个人采集表"), $"{DashboardFixture.Reviewer}|record:{Host.Clean.RecordId:D}|1 人，");
        var missing = await client.GetAsync(new Uri($"/records/{Guid.NewGuid():D}/form.pdf", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        StringAssert.Contains(await missing.Content.ReadAsStringAsync(), "没有这条记录");
    }

    [TestMethod]
    public async Task PlaqueList_OfAStreet_HoldsItsHouseholdsOnly_AndABadCodeIsExplained()
    {
        using var client = await LoggedInAsync(DashboardFixture.Viewer);
        var text = PdfText(await DownloadAsync(client, "/reports/plaques.pdf?street=650105007", "application/pdf"), "plaques-street");
        StringAssert.Contains(text, "光荣牌悬挂名单");
        StringAssert.Contains(text, "张建国");
        StringAssert.StartsWith(await LastAuditAsync("导出光荣牌悬挂名单"), DashboardFixture.Viewer + "|report:plaques:650105007|3 人，");
        var none = PdfText(await DownloadAsync(client, "/reports/plaques.pdf?street=650105005", "application/pdf"), "plaques-empty-street");
        Assert.DoesNotContain("张建国", none, "another street's list holds nobody of 南湖北路");
        var bad = await client.GetAsync(new Uri("/reports/plaques.pdf?street=65010'--", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "应为 9 位数字");
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    [GeneratedRegex("id=\"form-pdf\" href=\"([^\"]+)\"")]
    private static partial Regex FormLink();
}
