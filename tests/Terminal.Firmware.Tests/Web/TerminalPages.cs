using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Firmware.Tests.Web;

/// <summary>Steps on the field worker's pages that several browser tests take the same way.</summary>
internal static class TerminalPages
{
    /// <summary>Logs <paramref name="operatorId"/> in with <paramref name="pin"/> on the app at <paramref name="address"/>; ends on the home page.</summary>
    public static async Task LogInAsync(IPage page, string address, string operatorId, string pin)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(address + "/Login");
        await page.FillAsync("#operator", operatorId);
        await page.FillAsync("#pin", pin);
        await page.ClickAsync("#login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("首页");
    }

    /// <summary>Taps 下一步 and waits for the page headed <paramref name="heading"/>.</summary>
    public static async Task NextAsync(IPage page, string heading)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ClickAsync("#next");
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
    }

    /// <summary>
    /// From the page before 基本生活状况 through 享受待遇, answered for a subject out of work (无业), without a home of
    /// their own and without state pension or minimum living allowance: the fewest answers those sections need.
    /// </summary>
    public static async Task LivingAndBenefitsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await NextAsync(page, "基本生活状况");
        await page.SelectOptionAsync("#f-living-employment", "5");
        await page.CheckAsync("input[name='f.living.hasHousing'][value='false']");
        await NextAsync(page, "享受待遇");
        await page.CheckAsync("input[name='f.benefits.statePension'][value='false']");
        await page.CheckAsync("input[name='f.benefits.minimumLiving'][value='false']");
    }
}
