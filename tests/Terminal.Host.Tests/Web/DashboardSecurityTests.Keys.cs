using System.Net;
using System.Text.Json;
using Terminal.Host.Service;

namespace Terminal.Host.Tests.Web;

public sealed partial class DashboardSecurityTests
{
    [TestMethod]
    public async Task DashboardKeys_OnDisk_AreEncryptedUnderTheDistrictKeyAndOpenInAnotherStartOfTheHost()
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(Host.Address) };
        Assert.AreEqual(HttpStatusCode.Redirect, (await LogInAsync(client, DashboardFixture.Viewer, DashboardFixture.Password)).StatusCode);

        var files = Directory.GetFiles(Path.Combine(Host.DataFolder, "dashboard-keys"), "key-*.xml");
        Assert.IsNotEmpty(files, "the session cookie's key is kept on disk");
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file);
            StringAssert.Contains(xml, "</encryptedWithDistrictKey>", file);
            Assert.DoesNotContain("<masterKey", xml, "no key in the clear: " + file);
        }

        // A second start of the host on the same data folder (another port) opens those keys: the session holds.
        var settings = Path.Combine(Host.DataFolder, "settings-second.json");
        var original = JsonDocument.Parse(await File.ReadAllTextAsync(Host.SettingsFile)).RootElement;
        var port = Service.HostProcess.FreePort();
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            District = original.GetProperty("District"),
            Listen = new { Address = "127.0.0.1", Port = port },
            DistrictKey = original.GetProperty("DistrictKey"),
            Reports = original.GetProperty("Reports"),
        }));
        var second = DistrictHostApp.Build(settings);
        await second.StartAsync();
        try
        {
            var cookies = new CookieContainer();
            var first = new Uri(Host.Address);
            foreach (Cookie cookie in jar.GetCookies(first))
            {
                cookies.Add(new Uri($"http://127.0.0.1:{port}"), new Cookie(cookie.Name, cookie.Value, "/"));
            }
            using var other = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var page = await other.GetAsync(new Uri("/progress", UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, "the session made by the first start is honoured by the second");
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }
}
