using System.Text.RegularExpressions;
using Terminal.Storage.Store;
using Terminal.Testing.Storage;

namespace Terminal.Firmware.Tests.Web;

/// <summary>
/// The correction round trip in headless Chromium against the built terminal program, with the list the district
/// sent at the last docking: the count on the home page, the 待补正 list (a note carrying a script shown as text, an
/// item whose reviewed record is another record's refused), one item opened as version 2 on the photo page with the
/// district's photos shown as held there, the personal photo retaken, the grade corrected on its marked field, a
/// power cut (the program killed and started again, the draft resumed), the subject's new signature on the pad,
/// finalize, and the item closed. Screenshots go to artifacts/screenshots/terminal/correction-*.png.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed partial class CorrectionFlowTests : TerminalPageTest
{
    private const string HostileNote = "<script>window.__pwned = 1</script><b>缺</b>服役部队和退伍证照片";

    private static readonly Terminal.Records.Model.Record Reviewed = SampleCorrections.Reviewed(name: "李卫东");
    private static readonly Terminal.Records.Model.Record Missing = SampleCorrections.Reviewed(name: "马玉兰");
    private static readonly Terminal.Records.Model.Record Foreign = SampleCorrections.Reviewed(name: "王某");

    private TerminalProcessFixture? _app;

    protected override string Address => _app!.Address;

    [TestInitialize]
    public async Task StartAsync()
    {
        _app = await TerminalProcessFixture.StartAsync([], store => store.ApplyCorrections(Guid.NewGuid(),
        [
            SampleCorrections.GradeProblem(Reviewed),
            SampleCorrections.ItemFor(Missing, CorrectionKind.Missing, ["personal.serviceUnit", "photos.DocumentPhoto"], HostileNote),
            SampleCorrections.GradeProblem(SampleCorrections.Reviewed()) with { ReviewedRecord = SampleCorrections.GradeProblem(Foreign).ReviewedRecord },
        ]));
        Page.SetDefaultTimeout(15_000);
    }

    [TestCleanup]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task FieldWorker_ListOpenRetakeCorrectPowerCutSignFinalize_ItemClosedAsVersionTwo()
    {
        var app = _app!;
        await LogInAsync();
        await Expect(Page.Locator("#corrections")).ToHaveTextAsync("3 条");
        await ShotAsync("correction-01-home");

        // The list: who, what, the fields by their labels, the notes as text; the foreign record cannot be opened.
        await Page.ClickAsync("#corrections-link");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("待补正");
        var grade = Item(Reviewed);
        await Expect(grade.Locator(".name")).ToHaveTextAsync("李卫东");
        await Expect(grade.Locator(".kind")).ToHaveTextAsync("问题数据");
        await Expect(grade.Locator(".fields")).ToHaveTextAsync("需补正：残疾等级、个人免冠近照");
        await Expect(grade.Locator(".state")).ToHaveTextAsync("待补正");
        var hostile = Item(Missing);
        await Expect(hostile.Locator(".kind")).ToHaveTextAsync("缺失数据");
        await Expect(hostile.Locator(".note")).ToHaveTextAsync("复核意见：" + HostileNote);
        await Expect(hostile.Locator(".note b")).ToHaveCountAsync(0);
        Assert.IsTrue(await Page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "the note's script did not run");
        await Expect(Page.Locator("#correction-list li").Nth(2).Locator(".unreadable")).ToContainTextAsync("请重新对接以再次接收");
        await Expect(Page.Locator("#correction-list li").Nth(2).Locator("button.open")).ToHaveCountAsync(0);
        await ShotAsync("correction-02-list");

        // Opened: version 2 on the photo page (the first page concerned); the district's photos are held there.
        await grade.Locator("button.open").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("拍照");
        await Expect(Page.Locator("#correction")).ToContainTextAsync("本次为第 2 版");
        await Expect(Page.Locator("#correction-note")).ToContainTextAsync("残疾等级与残疾军人证不符");
        await Expect(Page.Locator("#photos-concerned")).ToBeVisibleAsync();
        await Expect(Page.Locator("#photos figure.district")).ToHaveCountAsync(4);
        await ShotAsync("correction-03-photos");
        await Page.Locator("#photos figure[data-kind='PersonalPhoto'] .retake").ClickAsync();
        await Expect(Page.Locator("#taken")).ToContainTextAsync("个人免冠近照：已保存");
        await Expect(Page.Locator("#photos figure.district")).ToHaveCountAsync(3);
        await Page.WaitForFunctionAsync("() => document.querySelector(\"#photos figure[data-kind='PersonalPhoto'] img\").naturalWidth > 0");
        await ShotAsync("correction-04-photo-retaken");
        var id = PhotosUrl().Match(Page.Url).Groups[1].Value;

        // The grade on its marked field, saved; then the power goes.
        await Page.GotoAsync($"{app.Address}/Collect/Section/{id}/module7");
        await Expect(Page.Locator(".field[data-field='module7.grade']")).ToHaveClassAsync(ConcernedClass());
        await Expect(Page.Locator(".field.concerned")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#f-module7-grade")).ToHaveValueAsync("6");
        await Page.FillAsync("#f-module7-grade", "5");
        await Page.ClickAsync("#save");
        await Expect(Page.Locator("#f-module7-grade")).ToHaveValueAsync("5");
        await ShotAsync("correction-05-module7");
        await app.PowerCutAsync();
        await app.StartAppAsync();
        await LogInAsync();
        await Expect(Page.Locator("#draft-list")).ToContainTextAsync("李卫东（补正，第 2 版）");
        await Page.ClickAsync("#corrections-link");
        await Expect(grade.Locator(".state")).ToHaveTextAsync("补正中");
        await grade.Locator("button.open").ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("（7）残疾军人");
        await Expect(Page.Locator("#f-module7-grade")).ToHaveValueAsync("5");
        await ShotAsync("correction-06-resumed-after-power-cut");

        // The review, the subject's new signature, finalize.
        await Page.GotoAsync($"{app.Address}/Collect/Review/{id}");
        await Expect(Page.Locator("#ready")).ToBeVisibleAsync();
        await Expect(Page.Locator("#correction")).ToContainTextAsync("须由本人重新签字确认");
        await Expect(Page.Locator("tr[data-field='module7.grade'] td")).ToHaveTextAsync("5");
        await app.SignAsync();
        await Page.WaitForFunctionAsync("() => Number(document.getElementById('signature-live').dataset.points) > 100");
        await Page.ClickAsync("#accept");
        await Expect(Page.Locator("#signed")).ToContainTextAsync("已签名");
        await Page.WaitForFunctionAsync("() => document.getElementById('signature-saved').naturalWidth > 0");
        await ShotAsync("correction-07-signed");
        await Page.ClickAsync("#finalize");
        await Expect(Page.Locator("#finalized")).ToContainTextAsync("已定稿");
        await Expect(Page.Locator("#outbox")).ToHaveTextAsync("1 条");
        await Expect(Page.Locator("#corrections")).ToHaveTextAsync("2 条");
        await ShotAsync("correction-08-home-after-finalize");

        // Closed here: 已补正，待对接, and it does not open again.
        await Page.ClickAsync("#corrections-link");
        await Expect(grade.Locator(".state")).ToHaveTextAsync("已补正，待对接");
        await Expect(grade.Locator("button.open")).ToHaveCountAsync(0);
        await ShotAsync("correction-09-list-after-finalize");
    }

    private Microsoft.Playwright.ILocator Item(Terminal.Records.Model.Record reviewed) => Page.Locator($"#correction-list li[data-record='{reviewed.RecordId}']");

    [GeneratedRegex("/Collect/Photos/([0-9a-f-]{36})")]
    private static partial Regex PhotosUrl();

    [GeneratedRegex("concerned")]
    private static partial Regex ConcernedClass();
}
