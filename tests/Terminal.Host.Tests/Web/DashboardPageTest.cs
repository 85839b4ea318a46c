using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// What every Playwright test of the dashboard shares: the browser's size and locale, logging in as one of the
/// fixture's accounts, and full-page screenshots into artifacts/screenshots/host/. Each test class starts its own
/// host (<see cref="DashboardFixture"/>) and names it in <see cref="Fixture"/>.
/// </summary>
public abstract class DashboardPageTest : PageTest
{
    /// <summary>The host this class's tests run against.</summary>
    private protected abstract DashboardFixture Fixture { get; }

    public override BrowserNewContextOptions ContextOptions() => new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" };

    /// <summary>artifacts/screenshots/host/ at the repository's root (found from the test's folder).</summary>
    internal static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Terminal.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots", "host");
    }

    protected async Task LogInAsync(string user)
    {
        await Page.GotoAsync(Fixture.Address + "/login");
        await Page.FillAsync("#user", user);
        await Page.FillAsync("#password", DashboardFixture.Password);
        await Page.ClickAsync("#login");
        await Expect(Page).ToHaveURLAsync(new Regex("/progress$"));
    }

    protected async Task ShotAsync(string name)
    {
        var folder = ScreenshotFolder();
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
