using System.Net;
using System.Text.RegularExpressions;
using Terminal.Host.Cli;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The dashboard's protections over plain HTTP against the real host: a form without its antiforgery token is
/// refused, roles are enforced, a disabled account loses its session, wrong passwords lock the account, and
/// every view of personal data and every change lands in the office audit.
/// </summary>
[TestClass]
[TestCategory("Database")]
[DoNotParallelize]
public sealed partial class DashboardSecurityTests
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

    private static HttpClient Client() => DashboardHttp.Client(Host.Address);

    private static Task<string> TokenAsync(HttpClient client, string path) => DashboardHttp.TokenAsync(client, path);

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string user, string password) => DashboardHttp.LogInAsync(client, user, password);

    [TestMethod]
    public async Task Login_WithoutTheAntiforgeryToken_IsRefusedWithAChineseMessage()
    {
        using var client = Client();
        await client.GetAsync(new Uri("/login", UriKind.Relative));
        var forged = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = DashboardFixture.Administrator, ["password"] = DashboardFixture.Password,
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
        StringAssert.Contains(await forged.Content.ReadAsStringAsync(), "防伪校验未通过");
        Assert.IsFalse(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("terminal-host-session", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task OfficePages_WithoutASession_RedirectToLogin()
    {
        using var client = Client();
        foreach (var path in new[] { "/progress", "/not-seen", "/terminals", "/search?q=张建国", $"/records/{Host.Clean.RecordId:D}", "/audit" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, path);
            StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/login", path);
        }
    }

    [TestMethod]
    public async Task ResolveFlag_ByAReviewerWithTheToken_IsDoneAndAuditedButAForgedPostIsNot()
    {
        using var client = Client();
        Assert.AreEqual(HttpStatusCode.Redirect, (await LogInAsync(client, DashboardFixture.Reviewer, DashboardFixture.Password)).StatusCode);
        var record = $"/records/{Host.DamagedPhoto.RecordId:D}";
        var flag = (await Host.Store.FlagsAsync(Host.DamagedPhoto.RecordId))[0];
        var action = new Uri($"{record}/flags/{flag.Version}/{flag.Position}/resolve", UriKind.Relative);
        var forged = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode, "a post from another site has no token");
        Assert.IsNull((await Host.Store.FlagsAsync(Host.DamagedPhoto.RecordId))[0].ResolvedBy);
        var token = await TokenAsync(client, record);
        var done = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token }));
        Assert.AreEqual(HttpStatusCode.Redirect, done.StatusCode);
        Assert.AreEqual(DashboardFixture.Reviewer, (await Host.Store.FlagsAsync(Host.DamagedPhoto.RecordId))[0].ResolvedBy);
        var audit = await Host.Store.AuditAsync("record:" + Host.DamagedPhoto.RecordId.ToString("D"));
        Assert.IsTrue(audit.Any(a => a.Action == "核实问题" && a.UserName == DashboardFixture.Reviewer));
        Assert.IsTrue(audit.Any(a => a.Action == "查看记录" && a.UserName == DashboardFixture.Reviewer));
    }

    [TestMethod]
    public async Task Viewer_MayNotResolveFlagsNorReadTheOfficeAudit()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Viewer, DashboardFixture.Password);
        var record = $"/records/{Host.Scripted.RecordId:D}";
        var page = await client.GetStringAsync(new Uri(record, UriKind.Relative));
        Assert.DoesNotContain("标记为已核实", page);
        var token = await TokenAsync(client, record);
        var flag = (await Host.Store.FlagsAsync(Host.Scripted.RecordId))[0];
        var post = await client.PostAsync(new Uri($"{record}/flags/{flag.Version}/{flag.Position}/resolve", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token }));
        Assert.AreEqual(HttpStatusCode.Redirect, post.StatusCode);
        StringAssert.StartsWith(post.Headers.Location!.AbsolutePath, "/denied");
        Assert.IsNull((await Host.Store.FlagsAsync(Host.Scripted.RecordId))[0].ResolvedBy);
        var audit = await client.GetAsync(new Uri("/audit", UriKind.Relative));
        StringAssert.StartsWith(audit.Headers.Location!.AbsolutePath, "/denied");
    }

    [TestMethod]
    public async Task Administrator_ReadsTheOfficeAuditOfSearchesAndViews()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Administrator, DashboardFixture.Password);
        await client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("张建国"), UriKind.Relative));
        await client.GetStringAsync(new Uri("/not-seen", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri("/audit", UriKind.Relative));
        StringAssert.Contains(page, "查询");
        StringAssert.Contains(page, "查看未采集名单");
        StringAssert.Contains(page, "导入初始数据", "the roster import on the command line is audited too");
    }

    [TestMethod]
    public async Task DisabledAccount_LosesItsSessionAtTheNextRequest()
    {
        var passwordFile = Path.Combine(Path.GetDirectoryName(Host.SettingsFile)!, "password");
        var added = await Host.CliAsync("user", "add", "--user", "temp.viewer", "--display-name", "临时", "--role", "查看员", "--password-file", passwordFile);
        Assert.AreEqual(HostCli.Done, added.Code, added.Error);
        using var client = Client();
        await LogInAsync(client, "temp.viewer", DashboardFixture.Password);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(new Uri("/progress", UriKind.Relative))).StatusCode);
        var disabled = await Host.CliAsync("user", "disable", "--user", "temp.viewer");
        Assert.AreEqual(HostCli.Done, disabled.Code, disabled.Error);
        var after = await client.GetAsync(new Uri("/progress", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, after.StatusCode);
        using var again = Client();
        StringAssert.Contains(await (await LogInAsync(again, "temp.viewer", DashboardFixture.Password)).Content.ReadAsStringAsync(), "此账户已停用");
    }

    [TestMethod]
    public async Task FiveWrongPasswords_LockTheAccountEvenForTheRightOne_UntilPasswdResetsIt()
    {
        var passwordFile = Path.Combine(Path.GetDirectoryName(Host.SettingsFile)!, "password");
        await Host.CliAsync("user", "add", "--user", "locked.one", "--display-name", "锁定测试", "--role", "reviewer", "--password-file", passwordFile);
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await LogInAsync(client, "locked.one", "wrong-password-" + i);
        }
        var right = await LogInAsync(client, "locked.one", DashboardFixture.Password);
        Assert.AreEqual(HttpStatusCode.OK, right.StatusCode, "no redirect: not signed in");
        StringAssert.Contains(await right.Content.ReadAsStringAsync(), "账户已锁定");
        var reset = await Host.CliAsync("user", "passwd", "--user", "locked.one", "--password-file", passwordFile);
        Assert.AreEqual(HostCli.Done, reset.Code, reset.Error);
        Assert.AreEqual(HttpStatusCode.Redirect, (await LogInAsync(client, "locked.one", DashboardFixture.Password)).StatusCode);
    }

    [TestMethod]
    public async Task Login_ReturnUrlToAnotherSite_GoesToProgressInstead()
    {
        using var client = Client();
        var token = await TokenAsync(client, "/login?returnUrl=" + Uri.EscapeDataString("//evil.example/"));
        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["user"] = DashboardFixture.Viewer, ["password"] = DashboardFixture.Password, ["returnUrl"] = "//evil.example/",
        }));
        Assert.AreEqual("/progress", response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    [DataRow("user", "add", "--user", "bad name", "--display-name", "甲", "--role", "viewer", "用户名")]
    [DataRow("user", "add", "--user", "x1", "--display-name", "甲", "--role", "boss", "角色")]
    [DataRow("user", "passwd", "--user", "nobody", "", "", "", "", "没有用户名为 nobody 的账户")]
    [DataRow("user", "disable", "--user", "nobody", "", "", "", "", "没有用户名为 nobody 的账户")]
    public async Task UserCommand_BadRequest_IsRefusedSayingWhat(string a, string b, string c, string d, string e, string f, string g, string h, string expected)
    {
        var passwordFile = Path.Combine(Path.GetDirectoryName(Host.SettingsFile)!, "password");
        string[] args = [.. new[] { a, b, c, d, e, f, g, h }.Where(s => s.Length > 0)];
        var run = await Host.CliAsync(b == "disable" ? args : [.. args, "--password-file", passwordFile]);
        Assert.AreEqual(HostCli.Refused, run.Code, run.Output);
        StringAssert.Contains(run.Error, expected);
    }

    [TestMethod]
    public async Task UserAdd_ShortPasswordOrTakenName_IsRefused()
    {
        var folder = Path.GetDirectoryName(Host.SettingsFile)!;
        var shortFile = Path.Combine(folder, "short-password");
        await File.WriteAllTextAsync(shortFile, "abc123\n");
        var tooShort = await Host.CliAsync("user", "add", "--user", "short.one", "--display-name", "甲", "--role", "viewer", "--password-file", shortFile);
        Assert.AreEqual(HostCli.Refused, tooShort.Code);
        StringAssert.Contains(tooShort.Error, "密码太短");
        var taken = await Host.CliAsync("user", "add", "--user", DashboardFixture.Viewer, "--display-name", "甲", "--role", "viewer", "--password-file", Path.Combine(folder, "password"));
        StringAssert.Contains(taken.Error, "已存在");
    }

}
