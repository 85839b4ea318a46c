using System.Net;

namespace Terminal.Host.Tests.Web;

/// <summary>The 审核 page's decisions: refused to a viewer, a forged record id writes nothing.</summary>
public sealed partial class DashboardSecurityTests
{
    private static FormUrlEncodedContent Decision(string token, string item, string decision) => new(new Dictionary<string, string>
    {
        ["__csrf"] = token, ["item"] = item, ["decision"] = decision, ["note"] = "请补充街道", ["fields"] = "personal.street",
    });

    [TestMethod]
    public async Task QualityDecision_ByAViewer_IsRefusedAndWritesNothing()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Viewer, DashboardFixture.Password);
        var page = await client.GetStringAsync(new Uri("/quality", UriKind.Relative));
        Assert.DoesNotContain("quality-decide", page, "a viewer sees the queues without the actions");
        var token = await TokenAsync(client, "/quality");
        var post = await client.PostAsync(new Uri("/quality/decide", UriKind.Relative), Decision(token, $"{Host.DamagedPhoto.RecordId:D}:1", "Problem"));
        Assert.AreEqual(HttpStatusCode.Redirect, post.StatusCode);
        StringAssert.StartsWith(post.Headers.Location!.AbsolutePath, "/denied");
        Assert.IsEmpty(await Host.Store.DecisionsAsync(Host.DamagedPhoto.RecordId));
    }

    [TestMethod]
    public async Task QualityDecision_OnAForgedOrMalformedItem_WritesNothingAndSaysSo()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Reviewer, DashboardFixture.Password);
        var token = await TokenAsync(client, "/quality");
        var forged = Guid.NewGuid();
        var post = await client.PostAsync(new Uri("/quality/decide", UriKind.Relative), Decision(token, $"{forged:D}:1", "Problem"));
        Assert.AreEqual(HttpStatusCode.Redirect, post.StatusCode);
        StringAssert.EndsWith(post.Headers.Location!.OriginalString, "done=0");
        Assert.IsEmpty(await Host.Store.DecisionsAsync(forged));
        Assert.IsFalse((await Host.Store.AuditAsync("record:" + forged.ToString("D"))).Any(), "nothing audited for a record that is not there");
        var malformed = await client.PostAsync(new Uri("/quality/decide", UriKind.Relative), Decision(token, "1 OR 1=1", "Problem"));
        Assert.AreEqual(HttpStatusCode.BadRequest, malformed.StatusCode);
        StringAssert.Contains(await malformed.Content.ReadAsStringAsync(), "所选记录的编号有误");
        var noNote = await client.PostAsync(new Uri("/quality/decide", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["item"] = $"{Host.DamagedPhoto.RecordId:D}:1", ["decision"] = "Missing",
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, noNote.StatusCode);
        StringAssert.Contains(await noNote.Content.ReadAsStringAsync(), "请写明说明");
        Assert.IsEmpty(await Host.Store.DecisionsAsync(Host.DamagedPhoto.RecordId));
    }
}
