using Microsoft.AspNetCore.Builder;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Terminal.Host.Cli;
using Terminal.Host.Service;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Tests.Web;

/// <summary>
/// The district host built and started in-process for real (SQLite in a temp folder, a district key, the settings a
/// deployment writes), its accounts added and its roster imported through the host's own command line, and records
/// committed through the district store's ingest (the same path the dock link's sink takes).
/// </summary>
internal sealed class DashboardFixture : IAsyncDisposable
{
    public const string Password = "办公室密码-2018-ok";
    public const string Reviewer = "reviewer1";
    public const string Viewer = "viewer1";
    public const string Administrator = "admin1";
    public const string Clerk = "clerk1";
    public const string TerminalId = "T650105-04";

    private readonly TempFolder _temp;
    private readonly WebApplication _app;

    private DashboardFixture(TempFolder temp, WebApplication app, string settings, int port)
    {
        _temp = temp;
        _app = app;
        SettingsFile = settings;
        Address = $"http://127.0.0.1:{port}";
        Store = app.Services.GetRequiredService<DistrictStore>();
    }

    /// <summary>The CJK font the PDFs embed: Debian's fonts-wqy-microhei, in tests/lib/tools.sh's TEST_PACKAGES.</summary>
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    public string Address { get; }

    public string SettingsFile { get; }

    /// <summary>The host's data folder (District:DataFolder).</summary>
    public string DataFolder => _temp.Path;

    public DistrictStore Store { get; }

    /// <summary>张建国's record (photos, signed: no problem), a correction of it (version 2), and records with problems.</summary>
    public Record Clean { get; private set; } = null!;

    public Record Scripted { get; private set; } = null!;

    public Record DamagedPhoto { get; private set; } = null!;

    /// <param name="readerPort">The office PC's ID-card reader (Entry:ReaderPort), or null for none.</param>
    public static async Task<DashboardFixture> StartAsync(int terminalRecords = 0, string? readerPort = null)
    {
        var temp = new TempFolder();
        var key = await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", temp.File("district.key"),
            "--passphrase-file", temp.Passphrase("district.key.passphrase", "区县密钥口令 for tests"), "--dpapi", "none", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Done, key.Code, key.Error);
        var port = Service.HostProcess.FreePort();
        var settings = temp.File("settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            District = new { Code = "650105", DataFolder = temp.Path },
            Listen = new { Address = "127.0.0.1", Port = port },
            DistrictKey = new { KeyFile = "district.key", PassphraseSource = "File", PassphraseFile = "district.key.passphrase" },
            Entry = new { ReaderPort = readerPort ?? "" },
            Reports = new { FontPath = FontPath },
        }));
        var app = DistrictHostApp.Build(settings);
        await app.StartAsync();
        var fixture = new DashboardFixture(temp, app, settings, port);
        await fixture.SeedAsync();
        return fixture;
    }

    public Task<(int Code, string Output, string Error)> CliAsync(params string[] args) => HostCliRun.RunAsync([.. args, "--settings", SettingsFile]);

    private async Task SeedAsync()
    {
        var passwordFile = _temp.Passphrase("password", Password);
        foreach (var (user, display, role) in new[] { (Administrator, "管理员王", "管理员"), (Reviewer, "审核员李", "审核员"), (Viewer, "查看员赵", "viewer"), (Clerk, "录入员孙", "录入员") })
        {
            var added = await CliAsync("user", "add", "--user", user, "--display-name", display, "--role", role, "--password-file", passwordFile);
            Assert.AreEqual(HostCli.Done, added.Code, added.Error);
        }
        var roster = _temp.File("roster.csv");
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sample-roster.csv"));
        await File.WriteAllTextAsync(roster, sample.TrimEnd() + "\n" + SampleRecords.IdNumberFor(new DateOnly(1970, 1, 1), 55) + ",<script>window.pwned=1</script>,650105005,,,\n");
        var imported = await CliAsync("roster", "import", "--file", roster);
        Assert.AreEqual(HostCli.Done, imported.Code, imported.Error);

        await Store.RegisterTerminalAsync(new TerminalRegistration(TerminalId, "650105-04", [1, 2, 3], DateTimeOffset.UtcNow));
        var personal = TestPhotos.Portrait(360, 480, new SKColor(70, 120, 200));
        var idCard = TestPhotos.Portrait(102, 126, new SKColor(230, 230, 230));
        var notJpeg = Encoding.UTF8.GetBytes("<html>not a photo</html>");
        Record WithPhotos(Record r, byte[] personalBytes) => SampleRecords.Signed(r with
        {
            Photos = [new PhotoReference(PhotoKind.ChipPhoto, Sha(idCard), idCard.Length, "image/jpeg", 102, 126), new PhotoReference(PhotoKind.PersonalPhoto, Sha(personalBytes), personalBytes.Length, "image/jpeg", 360, 480)],
            Signature = null,
        });
        // 张建国 as in the sample roster: collected, so not on the list of people not yet seen
        Clean = WithPhotos((SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid() }).With("identity.idNumber", "650105196503120019"), personal);
        var corrected = SampleRecords.Signed(Clean.With("living.employer", "乌鲁木齐市某机械厂（已更正）") with { Version = 2, Signature = null });
        Scripted = WithPhotos((SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid() })
            .With("identity.name", "<script>window.pwned=1</script>").With("identity.idNumber", SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12), 17)), personal);
        DamagedPhoto = WithPhotos((SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid() })
            .With("identity.name", "王照片").With("identity.idNumber", SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12), 19)), notJpeg);
        var strokes = Encoding.UTF8.GetBytes("strokes");
        var records = new List<IngestedRecord> { new(Clean, 1, [], strokes), new(corrected, 2, [], strokes), new(Scripted, 3, [], strokes), new(DamagedPhoto, 5, [], strokes) };
        await Store.CommitAsync(new IngestBatch(TerminalId, DateTimeOffset.UtcNow, records,
            [new PhotoBlob(Sha(personal), "image/jpeg", personal), new PhotoBlob(Sha(idCard), "image/jpeg", idCard), new PhotoBlob(Sha(notJpeg), "image/jpeg", notJpeg)], []));
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
