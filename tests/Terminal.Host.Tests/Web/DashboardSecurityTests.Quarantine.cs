using System.Net;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Tests.Web;

public sealed partial class DashboardSecurityTests
{
    [TestMethod]
    public async Task Quarantine_ShownOnTheTerminalsPage_ReleasedByAnAdministratorOnlyAndAudited()
    {
        var sha = new string('e', 64);
        await Host.Store.QuarantineAsync(new QuarantinedPackage(DashboardFixture.TerminalId, 41, sha, "rec/v1", "<script>window.pwned=1</script>无法用本区密钥打开", DateTimeOffset.UtcNow, [1, 2]));
        var path = $"/terminals/{DashboardFixture.TerminalId}/quarantine";
        var form = new Dictionary<string, string> { ["sequence"] = "41", ["sha256"] = sha };

        using var viewer = Client();
        await LogInAsync(viewer, DashboardFixture.Viewer, DashboardFixture.Password);
        StringAssert.Contains(await viewer.GetStringAsync(new Uri("/terminals", UriKind.Relative)), "1 个（查看）");
        var page = await viewer.GetStringAsync(new Uri(path, UriKind.Relative));
        StringAssert.Contains(page, "&lt;script&gt;window.pwned=1&lt;/script&gt;无法用本区密钥打开");
        Assert.DoesNotContain("重新校验</button>", page, "a viewer sees no release button");
        form["__csrf"] = await TokenAsync(viewer, path);
        var refused = await viewer.PostAsync(new Uri(path + "/release", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.AreEqual(HttpStatusCode.Redirect, refused.StatusCode);
        StringAssert.StartsWith(refused.Headers.Location!.AbsolutePath, "/denied");
        Assert.HasCount(1, await Host.Store.QuarantinedAsync(DashboardFixture.TerminalId), "a viewer releases nothing");

        using var admin = Client();
        await LogInAsync(admin, DashboardFixture.Administrator, DashboardFixture.Password);
        form["__csrf"] = await TokenAsync(admin, path);
        form["sha256"] = new string('f', 64);
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.PostAsync(new Uri(path + "/release", UriKind.Relative), new FormUrlEncodedContent(form))).StatusCode, "a forged package");
        form["sha256"] = sha;
        var released = await admin.PostAsync(new Uri(path + "/release", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.AreEqual(HttpStatusCode.Redirect, released.StatusCode);
        StringAssert.Contains(await admin.GetStringAsync(released.Headers.Location!), "已解除隔离");
        Assert.IsEmpty(await Host.Store.QuarantinedAsync(DashboardFixture.TerminalId));
        var audit = await Host.Store.AuditAsync("terminal:" + DashboardFixture.TerminalId);
        Assert.IsTrue(audit.Any(e => e.Action == "解除隔离" && e.UserName == DashboardFixture.Administrator && e.Detail.Contains("序号 41", StringComparison.Ordinal)));
    }
}
