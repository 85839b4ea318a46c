using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;
using SkiaSharp;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The manual collection path at the office in headless Chromium against the real host: a clerk (录入员) finds the
/// subject, reads the ID card on the reader simulator through a pty (the ID-card driver's real serial path),
/// fills the form, uploads photos and the signed form's scan; the record appears in progress with its provenance;
/// the same person docked later from a terminal is flagged duplicate; bad uploads are refused with Chinese messages.
/// </summary>
[TestClass]
[TestCategory("Browser")]
[DoNotParallelize]
public sealed class EntryPageTests : DashboardPageTest
{
    private const string WangIdNumber = "650105197002050029"; // 王美娜, card 2 of the sample deck

    private static DashboardFixture? _host;
    private static PtyPair? _pty;
    private static Stream? _simulatorPort;
    private static IdCardReaderSimulator? _simulator;
    private static CancellationTokenSource? _stop;
    private static Task? _simulating;

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _pty = PtyPair.Start();
        _simulator = new IdCardReaderSimulator(CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json")));
        _simulatorPort = SimulatorPort.Open(_pty.DeviceEnd, 115200);
        _stop = new CancellationTokenSource();
        _simulating = _simulator.RunAsync(_simulatorPort, _stop.Token);
        _host = await DashboardFixture.StartAsync(readerPort: _pty.HostEnd);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _stop!.CancelAsync();
        try
        {
            await _simulating!;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // the pty goes away with the test
        }
        await _simulatorPort!.DisposeAsync();
        _pty!.Dispose();
        _stop.Dispose();
    }

    private static DashboardFixture Host => _host!;

    private protected override DashboardFixture Fixture => Host;

    [TestMethod]
    public async Task Clerk_SearchesAPersonAlreadyCollectedByATerminal_IsToldBeforeMakingASecondRecord()
    {
        await LogInAsync(DashboardFixture.Clerk);
        await Page.ClickAsync("#menu-entry");
        await Page.FillAsync("#entry-q", "650105196503120019");
        await Page.ClickAsync("#entry-search");
        await Expect(Page.Locator("#entry-collected")).ToContainTextAsync("已经采集过");
        await Expect(Page.Locator("#entry-found")).ToContainTextAsync("终端 T650105-04");
        await Expect(Page.Locator("#entry-start")).ToContainTextAsync("仍要录入");
        await ShotAsync("entry-already-collected");
        await Page.FillAsync("#entry-q", "650105197002050028");
        await Page.ClickAsync("#entry-search");
        await Expect(Page.Locator("#entry-problem")).ToContainTextAsync("校验码");
    }

    [TestMethod]
    public async Task Viewer_HasNoEntryPage()
    {
        await LogInAsync(DashboardFixture.Viewer);
        await Expect(Page.Locator("#menu-entry")).ToHaveCountAsync(0);
        var response = await Page.GotoAsync(Host.Address + "/entry");
        Assert.AreNotEqual(200, response!.Status);
    }

    [TestMethod]
    public async Task Clerk_EntersAPersonWithTheReader_RecordInProgressWithProvenance_LaterDockedCopyFlaggedDuplicate()
    {
        var before = await CollectedAtSouthAsync();
        await LogInAsync(DashboardFixture.Clerk);
        await Page.GotoAsync(Host.Address + "/entry?q=" + WangIdNumber);
        await Expect(Page.Locator("#entry-none")).ToBeVisibleAsync();
        await Page.ClickAsync("#entry-start");

        _simulator!.Place(2);
        await Page.ClickAsync("#entry-read");
        await Expect(Page.Locator("#entry-notice")).ToContainTextAsync("读卡成功：王美娜");
        await Expect(Page.Locator("#f-identity-name")).ToHaveValueAsync("王美娜");
        await Expect(Page.Locator("p[data-field='identity.name']")).ToContainTextAsync("来自身份证芯片");
        await Expect(Page.Locator("#entry-card-source")).ToContainTextAsync("已用读卡器读取");
        _simulator.Remove();

        await FillFromSampleAsync();
        await Page.Locator("#entry-personal-photo").SetInputFilesAsync(new FilePayload { Name = "免冠照.jpg", MimeType = "image/jpeg", Buffer = Textured(720, 960, new SKColor(90, 140, 210)) });
        await Page.Locator("#entry-document-photos").SetInputFilesAsync(new FilePayload { Name = "退伍证.jpg", MimeType = "image/jpeg", Buffer = Textured(1600, 1200, new SKColor(200, 190, 160)) });
        await Page.ClickAsync("#entry-check");
        await Expect(Page.Locator("img.photo")).ToHaveCountAsync(2); // kept between checks, not uploaded again
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.photo')].every(i => i.complete && i.naturalWidth > 0)", null, new() { Timeout = 5000 });
        var issues = await Page.Locator(".issue.bad, #entry-problems li.bad").AllInnerTextsAsync();
        Assert.IsEmpty(issues, string.Join("\n", issues));

        await Page.ClickAsync("#entry-save");
        await Expect(Page.Locator("#entry-problems")).ToContainTextAsync("请上传采集对象签字的采集表");
        var pdf = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#entry-print"));
        StringAssert.StartsWith(pdf.SuggestedFilename, "采集表-王美娜");
        await Page.Locator("#entry-scan").SetInputFilesAsync(new FilePayload { Name = "签字采集表.png", MimeType = "image/png", Buffer = Textured(1240, 1754, SKColors.White, SKEncodedImageFormat.Png) });
        await ShotAsync("entry-form-filled");
        await Page.ClickAsync("#entry-save");

        await Expect(Page).ToHaveURLAsync(new Regex("/records/[0-9a-f-]+\\?entered=1$"));
        await Expect(Page.Locator("#name")).ToHaveTextAsync("王美娜");
        await Expect(Page.Locator("#signature")).ToContainTextAsync("签名与内容一致");
        await Expect(Page.Locator("#provenance")).ToContainTextAsync("录入员 clerk1，身份证由读卡器读取");
        await ShotAsync("entry-saved-record");
        var scan = await Page.APIRequest.GetAsync(await Page.Locator("#scan").GetAttributeAsync("href") is { } href ? Host.Address + href : "");
        Assert.AreEqual(200, scan.Status);
        Assert.IsTrue(Records.Rules.PhotoLimits.IsJpeg(await scan.BodyAsync()), "the scan is stored re-encoded as JPEG");
        Assert.AreEqual(before + 1, await CollectedAtSouthAsync());
        var office = (await Host.Store.FindByIdNumberAsync(WangIdNumber)).Single();
        var stored = (await Host.Store.RecordAsync(office.RecordId))!;
        Assert.AreEqual(FieldSource.Chip, stored.Values["identity.name"].Source);
        Assert.IsTrue(stored.Photos.Any(p => p.Kind == PhotoKind.ChipPhotoRaw), "the card's photo from the chip");

        // the same person arrives later from a terminal
        var docked = stored with { RecordId = Guid.NewGuid(), TerminalId = DashboardFixture.TerminalId, OperatorId = "W001", Signature = null, Photos = [] };
        await Host.Store.CommitAsync(new IngestBatch(DashboardFixture.TerminalId, DateTimeOffset.UtcNow, [new IngestedRecord(SampleRecords.Signed(docked), 40, [], Encoding.UTF8.GetBytes("strokes"))], [], []));
        var flags = await Host.Store.FlagsAsync(docked.RecordId);
        Assert.IsTrue(flags.Any(f => f.RecordId == docked.RecordId && f.Flag.Code == IngestFlagCodes.DuplicateAcrossTerminals && f.Flag.RelatedRecordId == office.RecordId));
        await Page.GotoAsync($"{Host.Address}/records/{docked.RecordId:D}");
        await Expect(Page.Locator("body")).ToContainTextAsync("在区县办公室手工录入");
        await ShotAsync("entry-docked-duplicate");
    }

    [TestMethod]
    public async Task Clerk_BadUploads_AreRefusedWithAClearMessage()
    {
        await LogInAsync(DashboardFixture.Clerk);
        await Page.GotoAsync(Host.Address + "/entry/new?id=650105194801010046");
        await Expect(Page.Locator("#f-identity-idNumber")).ToHaveValueAsync("650105194801010046");
        await Page.Locator("#entry-personal-photo").SetInputFilesAsync(new FilePayload { Name = "照片.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("<html>这不是照片</html>") });
        await Page.Locator("#entry-document-photos").SetInputFilesAsync(new FilePayload { Name = "大文件.jpg", MimeType = "image/jpeg", Buffer = new byte[11 * 1024 * 1024] });
        await Page.Locator("#entry-scan").SetInputFilesAsync(new FilePayload
        {
            Name = "签字.pdf", MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n"),
        });
        await Page.ClickAsync("#entry-save");
        var problems = Page.Locator("#entry-problems");
        await Expect(problems).ToContainTextAsync("个人免冠近照“照片.jpg”：不是 JPG 或 PNG 图片");
        await Expect(problems).ToContainTextAsync("证件材料照片“大文件.jpg”：文件太大");
        await Expect(problems).ToContainTextAsync("不接收 PDF 文件");
        await Expect(problems).ToContainTextAsync("身份证照片：没有用读卡器读卡时，必须上传身份证照片");
        await Expect(Page.Locator("img.photo")).ToHaveCountAsync(0);
        await ShotAsync("entry-bad-uploads");
        Assert.IsEmpty(await Host.Store.FindByIdNumberAsync("650105194801010046"), "nothing stored");
    }

    /// <summary>Categories and every field of the sample record (the chip gave the identity), filled as a clerk would, checked until no new field appears.</summary>
    private async Task FillFromSampleAsync()
    {
        var sample = SampleRecords.DisabledDischargedSoldier()
            .With("personal.enlistmentDate", "1988-10-01").With("personal.dischargeDate", "1992-12-01").With("module7.assessedOn", "1992-09-15");
        await Page.SelectOptionAsync("#entry-point", "650105-04");
        foreach (var c in sample.Categories.Members())
        {
            await Page.CheckAsync($"input[name='cat'][value='{(int)c}']");
        }
        var values = JsonSerializer.Serialize(sample.Values.Where(v => !v.Key.StartsWith("identity.", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value.Value));
        for (var round = 0; round < 3; round++)
        {
            await Page.ClickAsync("#entry-check");
            await Page.EvaluateAsync(
                """
                values => { for (const [id, v] of Object.entries(JSON.parse(values))) {
                  for (const el of document.getElementsByName('f.' + id)) {
                    if (el.type === 'checkbox' || el.type === 'radio') el.checked = v.split(',').includes(el.value); else el.value = v;
                  } } }
                """, values);
        }
    }

    /// <summary>The people counted at 南湖北: those of its initial data with a record, and those collected there but not in the initial data.</summary>
    private static async Task<long> CollectedAtSouthAsync() => (await Host.Store.ProgressAsync()).Where(p => p.CollectionPointCode == "650105-04").Sum(p => p.Collected + p.NotOnRoster);

    /// <summary>A sharp, well-lit photo (blocks of colour around a figure), so the normaliser's checks pass as they would for a real one.</summary>
    private static byte[] Textured(int width, int height, SKColor ground, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(ground);
            var random = new Random(7);
            using var paint = new SKPaint { IsAntialias = false };
            for (var i = 0; i < 400; i++)
            {
                paint.Color = new SKColor((byte)random.Next(40, 220), (byte)random.Next(40, 220), (byte)random.Next(40, 220));
                canvas.DrawRect(random.Next(width), random.Next(height), width / 30f, height / 30f, paint);
            }
            paint.Color = new SKColor(60, 60, 70);
            canvas.DrawCircle(width / 2f, height * 0.36f, width * 0.2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 85);
        return data.ToArray();
    }
}
