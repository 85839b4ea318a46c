using System.Net;

namespace Terminal.Host.Tests.Web;

/// <summary>Merging and the card list over plain HTTP: refused to a viewer (and the card list to a reviewer), a forged id writes nothing.</summary>
public sealed partial class DashboardSecurityTests
{
    private static FormUrlEncodedContent MergeForm(string token, Guid kept, Guid merged) => new(new Dictionary<string, string>
    {
        ["__csrf"] = token, ["kept"] = kept.ToString("D"), ["merged"] = merged.ToString("D"), ["note"] = "<script>x</script>同一人",
    });

    [TestMethod]
    public async Task Merge_ByAViewer_IsRefusedAndWritesNothing()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Viewer, DashboardFixture.Password);
        var token = await TokenAsync(client, "/quality");
        foreach (var (path, body) in new[]
        {
            ("/quality/merge", (HttpContent)MergeForm(token, Host.Clean.RecordId, Host.Scripted.RecordId)),
            ($"/quality/merge/{Guid.NewGuid():D}/undo", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token, ["note"] = "x" })),
            ("/cards", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token, ["idNumber"] = "650105196503120019", ["reason"] = "遗失" })),
        })
        {
            var post = await client.PostAsync(new Uri(path, UriKind.Relative), body);
            Assert.AreEqual(HttpStatusCode.Redirect, post.StatusCode, path);
            StringAssert.StartsWith(post.Headers.Location!.AbsolutePath, "/denied", path);
        }
        var form = await client.GetAsync(new Uri($"/quality/merge?record={Host.Clean.RecordId:D}", UriKind.Relative));
        StringAssert.StartsWith(form.Headers.Location!.AbsolutePath, "/denied", "a viewer gets no merge form");
        Assert.IsEmpty(await Host.Store.MergesAsync(Host.Clean.RecordId));
        Assert.IsFalse((await Host.Store.FlaggedCardsAsync()).Any(c => c.IdNumber == "650105196503120019"));
    }

    [TestMethod]
    public async Task Merge_AForgedIdOrAnotherPerson_IsRefusedWithAReasonAndWritesNothing()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Reviewer, DashboardFixture.Password);
        var token = await TokenAsync(client, "/quality");
        var forged = await client.PostAsync(new Uri("/quality/merge", UriKind.Relative), MergeForm(token, Host.Clean.RecordId, Guid.NewGuid()));
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
        StringAssert.Contains(await forged.Content.ReadAsStringAsync(), "不存在");
        var other = await client.PostAsync(new Uri("/quality/merge", UriKind.Relative), MergeForm(token, Host.Clean.RecordId, Host.Scripted.RecordId));
        Assert.AreEqual(HttpStatusCode.BadRequest, other.StatusCode);
        StringAssert.Contains(await other.Content.ReadAsStringAsync(), "身份证号码相同");
        var malformed = await client.PostAsync(new Uri("/quality/merge", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["kept"] = Host.Clean.RecordId.ToString("D"), ["merged"] = "1 OR 1=1", ["note"] = "x",
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, malformed.StatusCode);
        var undo = await client.PostAsync(new Uri($"/quality/merge/{Guid.NewGuid():D}/undo", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token, ["note"] = "x" }));
        Assert.AreEqual(HttpStatusCode.BadRequest, undo.StatusCode);
        var noToken = await client.PostAsync(new Uri("/quality/merge", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kept"] = Host.Clean.RecordId.ToString("D"), ["merged"] = Host.Scripted.RecordId.ToString("D"), ["note"] = "x",
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, noToken.StatusCode, "no antiforgery token");
        Assert.IsEmpty(await Host.Store.MergesAsync(Host.Clean.RecordId));
        Assert.IsEmpty(await Host.Store.MergesAsync(Host.Scripted.RecordId));
        Assert.IsFalse((await Host.Store.AuditAsync("record:" + Host.Clean.RecordId.ToString("D"))).Any(a => a.Action == "合并记录"));
        var cards = await client.GetAsync(new Uri("/cards", UriKind.Relative));
        StringAssert.StartsWith(cards.Headers.Location!.AbsolutePath, "/denied", "the card list is the administrators'");
    }

    [TestMethod]
    public async Task FlaggedCard_ListedByAnAdministrator_FlagsItsRecordShowsTheReasonAsTextAndIsAudited()
    {
        using var client = Client();
        await LogInAsync(client, DashboardFixture.Administrator, DashboardFixture.Password);
        var number = Host.Scripted.Text("identity.idNumber")!;
        var token = await TokenAsync(client, "/cards");
        var bad = await client.PostAsync(new Uri("/cards", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["idNumber"] = "12345' OR 1=1", ["reason"] = "遗失",
        }));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "身份证号码应为18位");
        var added = await client.PostAsync(new Uri("/cards", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["idNumber"] = number, ["reason"] = "<script>window.pwned=1</script>本人报告遗失",
        }));
        Assert.AreEqual(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetStringAsync(added.Headers.Location);
        StringAssert.Contains(page, "标记有关记录 1 条");
        StringAssert.Contains(page, "&lt;script&gt;window.pwned=1&lt;/script&gt;本人报告遗失");
        Assert.DoesNotContain("<script>window.pwned", page);
        Assert.IsTrue((await Host.Store.FlagsAsync(Host.Scripted.RecordId)).Any(f => f.Flag.Code == "CardFlagged" && f.ResolvedBy is null));
        var queue = await client.GetStringAsync(new Uri("/quality?category=Card", UriKind.Relative));
        StringAssert.Contains(queue, $"data-record=\"{Host.Scripted.RecordId:D}\"", "in the 证件过期或挂失 queue");
        StringAssert.Contains(queue, "证件已挂失或异常</strong>，是身份证号码在管理员维护的挂失或异常证件名单上", "the page says what the flag means");
        var removed = await client.PostAsync(new Uri("/cards/remove", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["idNumber"] = number,
        }));
        StringAssert.Contains(await client.GetStringAsync(removed.Headers.Location), "1 项证件标记记为已核实");
        Assert.IsFalse((await Host.Store.FlagsAsync(Host.Scripted.RecordId)).Any(f => f.Flag.Code == "CardFlagged" && f.ResolvedBy is null));
        var audit = await Host.Store.AuditAsync("card:" + number);
        CollectionAssert.AreEquivalent(new[] { "列入挂失证件名单", "移出挂失证件名单" }, audit.Select(a => a.Action).ToArray());
    }
}
