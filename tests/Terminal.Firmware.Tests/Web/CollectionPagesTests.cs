using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Tests.Web;

/// <summary>
/// The field worker's pages in headless Chromium (Debian's, through Playwright) against the real app, store and
/// reader driver: login, home, a card read that finds the subject in the initial data, a typed ID number, refusals.
/// Screenshots of each page go to the test results as attachments.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed partial class CollectionPagesTests : PageTest
{
    private static TerminalAppFixture? _app;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _app = await TerminalAppFixture.StartAsync([
            new InitialDataEntry("650105196503120019", "张建国", new Dictionary<string, string> { ["personal.enlistmentDate"] = "1983-10-01" }),
            new InitialDataEntry("650105195208170035", "阿不都热合曼·买买提", new Dictionary<string, string> { ["personal.enlistmentDate"] = "1970-12-01" }),
        ]);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public override BrowserNewContextOptions ContextOptions() => new() { ViewportSize = new() { Width = 720, Height = 1280 }, Locale = "zh-CN" };

    [TestMethod]
    public async Task Login_WrongPinThenRight_SaysHowManyTriesAreLeftThenShowsHome()
    {
        await Page.GotoAsync(_app!.Address + "/");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
        await Page.FillAsync("#operator", TerminalAppFixture.OperatorId);
        await Page.FillAsync("#pin", "111111");
        await Page.ClickAsync("#login");
        await Expect(Page.Locator("#login-message")).ToContainTextAsync("还可以再试 4 次");
        await ShotAsync("login-wrong-pin");
        await Page.FillAsync("#operator", TerminalAppFixture.OperatorId);
        await Page.FillAsync("#pin", TerminalAppFixture.Pin);
        await Page.ClickAsync("#login");
        await Expect(Page.Locator("#login-message")).ToContainTextAsync("请等待", new() { Timeout = 1000 });
        await Task.Delay(TimeSpan.FromSeconds(2.2)); // the wait after one wrong PIN (PinLockoutOptions.FirstDelay)
        await LogInAsync();
        await Expect(Page.Locator("#initial-data")).ToHaveTextAsync("2 人");
        await Expect(Page.Locator("#network-state")).ToContainTextAsync("正常");
        await ShotAsync("home");
    }

    [TestMethod]
    public async Task ReadCard_SubjectInTheInitialData_OpensADraftPrefilledFromChipAndRoster()
    {
        await LogInAsync();
        _app!.Simulator.Place(0);
        await Page.ClickAsync("#start");
        await Expect(Page.Locator("#card-state")).ToContainTextAsync("已读到身份证", new() { Timeout = 10_000 });
        await ShotAsync("card");
        await Page.ClickAsync("#read");
        await Expect(Page.Locator("#subject-status")).ToContainTextAsync("初始数据中已有此人");
        await Expect(Page.Locator("#f-identity-name")).ToHaveValueAsync("张建国");
        await Expect(Page.Locator(".field[data-field='identity.name'] .source")).ToContainTextAsync("身份证芯片");
        await Expect(Page.Locator("#f-identity-nation")).ToHaveValueAsync("01");
        await ShotAsync("identity");
        await Page.GotoAsync(_app.Address + "/");
        await Expect(Page.Locator("#draft-list")).ToContainTextAsync("张建国");
    }

    [TestMethod]
    public async Task Categories_SevenAloneThenOneSevenNine_RuleShownAsTappedThenTheirModulesFollow()
    {
        await LogInAsync();
        var id = await BeginTypedAsync("650105197002050029");
        await Page.GotoAsync($"{_app!.Address}/Collect/Categories/{id}");
        await Page.CheckAsync("input[name=category][value='7']");
        await Expect(Page.Locator("#rule-result")).ToContainTextAsync("不可单独选择");
        await ShotAsync("categories-violation");
        await Page.ClickAsync("#next");
        await Expect(Page.Locator("#rule-result")).ToContainTextAsync("不可单独选择");
        await Page.CheckAsync("input[name=category][value='1']");
        await Page.CheckAsync("input[name=category][value='9']");
        await Expect(Page.Locator("#rule-result")).ToContainTextAsync("可以这样选择");
        await TerminalPages.NextAsync(Page, "（1）军队转业干部");
        await ShotAsync("module1");
        await Page.GotoAsync($"{_app.Address}/Collect/Review/{id}");
        await Expect(Page.Locator("#categories")).ToContainTextAsync("（7）残疾军人");
        await Expect(Page.Locator("#issues")).ToContainTextAsync("必填");
        await ShotAsync("review");
    }

    [TestMethod]
    public async Task Section_RequiredFieldEmpty_StaysWithTheMessageThenMovesOnOnceFilled()
    {
        await LogInAsync();
        await BeginTypedAsync("650105198001010011");
        await Page.ClickAsync("#next");
        await Expect(Page.Locator(".field[data-field='identity.name'] .issue")).ToContainTextAsync("姓名：必填");
        await Page.FillAsync("#f-identity-name", "赵家贵");
        await Page.SelectOptionAsync("#f-identity-sex", "1");
        await Page.SelectOptionAsync("#f-identity-nation", "01");
        await Page.FillAsync("#f-identity-address", "新疆乌鲁木齐市水磨沟区南湖北路1号");
        await TerminalPages.NextAsync(Page, "其他身份信息");
        await Expect(Page.Locator("#subject-name")).ToHaveTextAsync("赵家贵");
    }

    [TestMethod]
    public async Task Categories_ServiceDatesNotAskedBefore_ComeBackFromTheInitialDataOnceACategoryNeedsThem()
    {
        await LogInAsync();
        var id = await BeginTypedAsync("650105195208170035");
        await Page.GotoAsync($"{_app!.Address}/Collect/Section/{id}/personal");
        await Expect(Page.Locator("#f-personal-enlistmentDate")).ToHaveCountAsync(0);
        await Page.ClickAsync("#save");
        await Page.GotoAsync($"{_app.Address}/Collect/Categories/{id}");
        await Page.CheckAsync("input[name=category][value='2']");
        await TerminalPages.NextAsync(Page, "（2）退役士兵");
        await Page.GotoAsync($"{_app.Address}/Collect/Section/{id}/personal");
        await Expect(Page.Locator("#f-personal-enlistmentDate")).ToHaveValueAsync("1970-12-01");
        await Expect(Page.Locator(".field[data-field='personal.enlistmentDate'] .source")).ToContainTextAsync("初始数据");
    }

    [TestMethod]
    public async Task TypedNumber_BadCheckDigitThenValid_SaysWhatIsWrongThenOpensANewSubject()
    {
        await LogInAsync();
        await Page.ClickAsync("#start");
        await Page.FillAsync("#id-number", "650105198001010012");
        await Page.ClickAsync("#typed");
        await Expect(Page.Locator("#message")).ToContainTextAsync("校验码");
        await ShotAsync("typed-bad");
        await Page.FillAsync("#id-number", "650105194801010046");
        await Page.ClickAsync("#typed");
        await Expect(Page.Locator("#subject-status")).ToContainTextAsync("初始数据中没有此人");
        await Expect(Page.Locator("#f-identity-idNumber")).ToHaveValueAsync("650105194801010046");
        await Expect(Page.Locator(".field[data-field='identity.idNumber'] .source")).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task Card_NetworkInterfaceUp_RefusesToCollectNamingIt()
    {
        await LogInAsync();
        var wifi = Path.Combine(_app!.NetworkFolder, "wlan0");
        Directory.CreateDirectory(wifi);
        File.WriteAllText(Path.Combine(wifi, "operstate"), "up\n");
        try
        {
            await Page.GotoAsync(_app.Address + "/Collect/Card");
            await Expect(Page.Locator("#refusal")).ToContainTextAsync("wlan0");
            await ShotAsync("network-refusal");
        }
        finally
        {
            Directory.Delete(wifi, recursive: true);
        }
    }

    [TestMethod]
    public async Task Pages_LoggedOut_AskForTheLogin()
    {
        await Page.GotoAsync(_app!.Address + "/Collect/Card");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
    }

    private Task LogInAsync() => TerminalPages.LogInAsync(Page, _app!.Address, TerminalAppFixture.OperatorId, TerminalAppFixture.Pin);

    /// <summary>Begins a collection with a typed ID number; returns the draft's record id from the page's address.</summary>
    private async Task<string> BeginTypedAsync(string idNumber)
    {
        await Page.GotoAsync(_app!.Address + "/Collect/Card");
        await Page.FillAsync("#id-number", idNumber);
        await Page.ClickAsync("#typed");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("基础身份信息");
        return SectionUrl().Match(Page.Url).Groups[1].Value;
    }

    private async Task ShotAsync(string name)
    {
        var path = Path.Combine(TestContext.TestResultsDirectory ?? Path.GetTempPath(), $"terminal-{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddResultFile(path);
    }

    [GeneratedRegex("/Login")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/Collect/Section/([0-9a-f-]{36})/")]
    private static partial Regex SectionUrl();
}
