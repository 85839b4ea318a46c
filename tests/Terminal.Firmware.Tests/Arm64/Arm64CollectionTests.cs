using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;
using Terminal.Firmware.Tests.Web;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Tests.Arm64;

/// <summary>
/// One scripted collection on the terminal's linux-arm64 build (issue 11), run by the arm64 tier
/// (tests/rig/arm64-tier.sh), which names the published program in <see cref="TerminalProgram.Arm64ProgramVariable"/>:
/// the arm64 program provisions the terminal (production Argon2id, the sample roster), then serves under qemu-user
/// with the ID card reader and signature pad simulators on pty pairs and the 演示摄像头; headless Chromium on this
/// x86-64 machine drives one whole Subject through its web UI (PIN login, card read, the sections, photo,
/// category and module, signature from the pad, finalize). Afterwards the outbox holds one record sealed for the
/// district, and the district's key opens it: the collected fields, the photo and a signature bound to the content.
/// Without the variable this test fails saying so: it is left out of the x86-64 run by category.
/// </summary>
[TestClass]
[TestCategory("Arm64")]
[DoNotParallelize]
public sealed partial class Arm64CollectionTests : PageTest
{
    public override BrowserNewContextOptions ContextOptions() => new() { ViewportSize = new() { Width = 720, Height = 1280 }, Locale = "zh-CN" };

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task OneSubject_ProvisionCollectSignFinalizeOnArm64_OutboxHoldsTheSealedRecord()
    {
        var program = TerminalProgram.Arm64FromEnvironment();
        using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
        var timings = new List<string>();
        var clock = Stopwatch.StartNew();
        void Lap(string step)
        {
            timings.Add($"{step} {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
        }
        await using var app = await TerminalProcessFixture.StartAsync(program, async store =>
        {
            await ProvisionAsync(program, store, district.PublicKey);
            Lap("provision");
        });
        Lap("start");
        // Emulated, each page's first request compiles its code: far slower than the x86-64 build.
        Page.SetDefaultTimeout(120_000);
        SetDefaultExpectTimeout(120_000);
        try
        {
            var id = await CollectAsync(app);
            Lap("collect");
            await app.PowerCutAsync();
            CheckOutbox(app.StoreFolder, district, id);
            TestContext.WriteLine("arm64 collection: " + string.Join(", ", timings));
        }
        catch (Exception e) when (e is not AssertFailedException)
        {
            throw new AssertFailedException($"{e.Message}\nsteps: {string.Join(", ", timings)}\nthe arm64 program printed:\n{app.Output}", e);
        }
    }

    /// <summary>`terminal provision` of the arm64 build: the district's key, the collection point, the operator and the roster.</summary>
    private static async Task ProvisionAsync(TerminalProgram program, string store, DistrictPublicKey district)
    {
        var (code, output) = await program.RunAsync("provision", "--store", store, "--terminal-id", "T650105-04", "--district-key", district.ToString(),
            "--point", "650105-04", "--operator", TerminalProcessFixture.OperatorId, "--pin", TerminalProcessFixture.Pin,
            "--roster", Path.Combine(AppContext.BaseDirectory, "sample-roster.csv"));
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "南湖北采集点（650105-04）");
        StringAssert.Contains(output, "初始数据 4 人");
    }

    /// <summary>张建国 (card 0 of the sample deck, in the roster) collected as a (2) 退役士兵; returns the record id.</summary>
    private async Task<Guid> CollectAsync(TerminalProcessFixture app)
    {
        await TerminalPages.LogInAsync(Page, app.Address, TerminalProcessFixture.OperatorId, TerminalProcessFixture.Pin);
        await Expect(Page.Locator("#initial-data")).ToHaveTextAsync("4 人");
        app.Reader.Place(0);
        await Page.ClickAsync("#start");
        await Expect(Page.Locator("#card-state")).ToContainTextAsync("已读到身份证");
        await Page.ClickAsync("#read");
        await Expect(Page.Locator("#subject-status")).ToContainTextAsync("初始数据中已有此人");
        await Expect(Page.Locator("#f-identity-name")).ToHaveValueAsync("张建国");
        var id = Guid.Parse(SectionUrl().Match(Page.Url).Groups[1].Value);

        // The roster gave the street (and the service dates, asked once a category needs them).
        await TerminalPages.NextAsync(Page, "其他身份信息");
        await Expect(Page.Locator("#f-personal-street")).ToHaveValueAsync("650105007");
        await Page.SelectOptionAsync("#f-personal-politicalStatus", "01");
        await Page.FillAsync("#f-personal-householdRegistration", "新疆乌鲁木齐市水磨沟区");
        await TerminalPages.NextAsync(Page, "证件材料");
        await Page.SelectOptionAsync("#f-evidence-kind", "1");
        await Page.CheckAsync(".field[data-field='evidence.documents'] input[value='1']");
        await Page.CheckAsync(".field[data-field='evidence.documents'] input[value='3']");
        await TerminalPages.NextAsync(Page, "拍照");
        await Page.ClickAsync("#take-personal");
        await Expect(Page.Locator("#taken")).ToContainTextAsync("个人免冠近照：已保存");
        await TerminalPages.NextAsync(Page, "对象类别");
        await Page.CheckAsync("input[name=category][value='2']");
        await Expect(Page.Locator("#rule-result")).ToContainTextAsync("可以这样选择");
        await TerminalPages.NextAsync(Page, "（2）退役士兵");
        await Page.SelectOptionAsync("#f-module2-rank", "1");
        await Page.SelectOptionAsync("#f-module2-resettlement", "2");
        await TerminalPages.LivingAndBenefitsAsync(Page);
        await TerminalPages.NextAsync(Page, "主要诉求");
        await TerminalPages.NextAsync(Page, "核对与签字");

        // (2) needs the service record: the dates came from the roster, the rank class is missing until fixed.
        await Page.Locator("#issues a", new() { HasText = "服役期间身份" }).First.ClickAsync();
        await Expect(Page.Locator("#f-personal-enlistmentDate")).ToHaveValueAsync("1983-10-01");
        await Page.SelectOptionAsync("#f-personal-rankClass", "3");
        await Page.ClickAsync("#save");
        await Page.GotoAsync($"{app.Address}/Collect/Review/{id}");
        await Expect(Page.Locator("#ready")).ToBeVisibleAsync();

        // The subject signs on the pad; the terminal binds the signature to the content hash shown, then finalizes.
        var hash = await Page.Locator("#content-hash").GetAttributeAsync("data-hash");
        await app.SignAsync();
        await Page.WaitForFunctionAsync("() => Number(document.getElementById('signature-live').dataset.points) > 100");
        await Page.ClickAsync("#accept");
        await Expect(Page.Locator("#signed")).ToContainTextAsync("已签名");
        await Expect(Page.Locator("#content-hash")).ToHaveAttributeAsync("data-hash", hash!);
        await Page.ClickAsync("#finalize");
        await Expect(Page.Locator("#finalized")).ToContainTextAsync("已定稿");
        await Expect(Page.Locator("#outbox")).ToHaveTextAsync("1 条");
        await Expect(Page.Locator("#drafts")).ToHaveTextAsync("0 条");
        return id;
    }

    /// <summary>The store the arm64 program wrote, opened here: one outbox item, and the district's key opens all of it.</summary>
    private static void CheckOutbox(string storeFolder, DistrictKeyPair district, Guid id)
    {
        using var store = TerminalStore.Open(new TerminalStoreOptions { Folder = storeFolder });
        var item = store.Outbox().Single();
        Assert.AreEqual(id, item.RecordId);
        var record = RecordSerializer.Deserialize(DistrictSeal.Open(district, TerminalStore.RecordContext(item.RecordId, item.Version), item.SealedRecord.Span));
        Assert.AreEqual("张建国", record.Text("identity.name"));
        Assert.AreEqual("650105196503120019", record.Text("identity.idNumber"));
        Assert.AreEqual("T650105-04", record.TerminalId);
        Assert.AreEqual("650105-04", record.CollectionPointCode);
        Assert.AreEqual("2", record.Text("module2.resettlement"));
        Assert.AreEqual(CategorySet.Of(Category.DischargedSoldier), record.Categories);
        Assert.AreEqual(PhotoKind.PersonalPhoto, record.Photos.Single().Kind);
        var photo = DistrictSeal.Open(district, TerminalStore.FinalizedPhotoContext(item.RecordId, item.Version), item.SealedPhotos.Single().Span);
        Assert.AreEqual(record.Photos.Single().Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)));
        Assert.AreEqual(RecordSerializer.ContentHash(record), record.Signature!.ContentSha256, "the signature is bound to exactly this content");
        var image = DistrictSeal.Open(district, TerminalStore.SignatureImageContext(item.RecordId, item.Version), item.SealedSignatureImage.Span);
        Assert.IsTrue(image.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']), "the signature image is a PNG");
        Assert.IsGreaterThan(100, DistrictSeal.Open(district, TerminalStore.SignatureStrokesContext(item.RecordId, item.Version), item.SealedStrokes.Span).Length, "the strokes open");
    }

    [GeneratedRegex("/Collect/Section/([0-9a-f-]{36})/")]
    private static partial Regex SectionUrl();
}
