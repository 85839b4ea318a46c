using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;

namespace Terminal.Firmware.Tests.Web;

/// <summary>
/// What the terminal's browser tests share: the handheld's 720×1280 screen in Chinese, the operator's log-in, and
/// full-page screenshots into artifacts/screenshots/terminal/ (and the test results).
/// </summary>
public abstract class TerminalPageTest : PageTest
{
    /// <summary>The app's address.</summary>
    protected abstract string Address { get; }

    public override BrowserNewContextOptions ContextOptions() => new() { ViewportSize = new() { Width = 720, Height = 1280 }, Locale = "zh-CN" };

    /// <summary>Logs in as the fixture's operator on <paramref name="page"/> (the test's page by default) and waits for the home page.</summary>
    protected Task LogInAsync(IPage? page = null) => TerminalPages.LogInAsync(page ?? Page, Address, TerminalProcessFixture.OperatorId, TerminalProcessFixture.Pin);

    /// <summary>A full-page screenshot of the test's page named <paramref name="name"/>.png.</summary>
    protected Task ShotAsync(string name) => SaveAsync(Page, name);

    /// <summary>A full-page screenshot of <paramref name="page"/> named <paramref name="name"/>.png.</summary>
    protected async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", "terminal");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddResultFile(path);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Terminal.sln")))
            {
                return folder.FullName;
            }
        }
        return Path.GetTempPath();
    }
}
