using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Terminal.Firmware.Web;

namespace Terminal.Firmware.Tests.Web;

/// <summary>The real Kestrel host on a free loopback port.</summary>
[TestClass]
public sealed class TerminalWebHostTests
{
    private static WebApplication? _app;
    private static HttpClient? _client;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _app = TerminalWebHost.Build(new TerminalAppOptions
        {
            Port = 0,
            StoreFolder = Path.Combine(Path.GetTempPath(), "no-store-" + Guid.NewGuid().ToString("N")[..8]),
            CollectionPointCode = "650105-04",
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [TestMethod]
    public void Listens_OnLoopbackOnly()
    {
        var address = new Uri(_client!.BaseAddress!.ToString());
        Assert.AreEqual("127.0.0.1", address.Host);
    }

    [TestMethod]
    public async Task StatusPage_IsChineseHtmlWithTheFormVersion()
    {
        var response = await _client!.GetAsync(new Uri("/status", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        StringAssert.Contains(html, "lang=\"zh-CN\"");
        StringAssert.Contains(html, "<b id=\"form-version\">2018.1</b>");
        StringAssert.Contains(html, "（12）现役军人家属");
    }

    [TestMethod]
    [DataRow("2,7", true, "")]
    [DataRow("7", false, "不可单独选择")]
    [DataRow("x", false, "不是对象类别编号")]
    public async Task CategoriesCheck_UsesTheRecordModelRule(string list, bool allowed, string message)
    {
        using var doc = JsonDocument.Parse(await _client!.GetStringAsync(new Uri("/api/categories/check?list=" + Uri.EscapeDataString(list), UriKind.Relative)));
        Assert.AreEqual(allowed, doc.RootElement.GetProperty("allowed").GetBoolean());
        var messages = string.Join("；", doc.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        StringAssert.Contains(messages, message);
    }

    [TestMethod]
    public async Task Status_ReportsTheReferenceDate()
    {
        var status = await _client!.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));
        Assert.AreEqual("2018-10-01", status.GetProperty("referenceDate").GetString());
    }
}
