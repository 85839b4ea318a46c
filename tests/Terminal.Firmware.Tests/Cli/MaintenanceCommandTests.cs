using System.IO.Compression;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Firmware.Cli;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Cli;

/// <summary>
/// The technician's `selftest`, `diagnostics` and `wipe` against a provisioned store, the reader simulator on a pty
/// (the real driver asks its SAM), a pty as the pad's port and the demo camera.
/// </summary>
[TestClass]
[TestCategory("Pty")]
[DoNotParallelize]
public sealed class MaintenanceCommandTests : IDisposable
{
    private string _folder = "";
    private PtyPair? _reader;
    private PtyPair? _pad;
    private Stream? _readerPort;
    private CancellationTokenSource? _stop;
    private Task? _simulating;

    private string Store => Path.Combine(_folder, "store");

    private string Net => Path.Combine(_folder, "net");

    [TestInitialize]
    public void Start()
    {
        _folder = Path.Combine(Path.GetTempPath(), "maintenance-" + Guid.NewGuid().ToString("N")[..8]);
        using (var district = DistrictKeyPair.Generate(DistrictSuite.P256))
        using (var recovery = RecoveryKey.Generate())
        using (var store = TerminalStore.Provision(new TerminalStoreOptions { Folder = Store, Argon2id = Argon2idOptions.Cheap },
            new TerminalProvisioning("T650105-04", district.PublicKey, recovery, "op-0401", "246810")))
        {
            store.LoadInitialData([new InitialDataEntry("650105196503120019", "张建国", new Dictionary<string, string>())]);
        }
        foreach (var (name, state) in new[] { ("lo", "unknown"), ("usb0", "up") })
        {
            Directory.CreateDirectory(Path.Combine(Net, name));
            File.WriteAllText(Path.Combine(Net, name, "operstate"), state + "\n");
        }
        _reader = PtyPair.Start();
        _pad = PtyPair.Start();
        _stop = new CancellationTokenSource();
        _readerPort = SimulatorPort.Open(_reader.DeviceEnd, 115200);
        _simulating = new IdCardReaderSimulator(CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"))).RunAsync(_readerPort, _stop.Token);
    }

    [TestCleanup]
    public async Task StopAsync()
    {
        await _stop!.CancelAsync();
        try
        {
            await _simulating!;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // the pty goes away with the test
        }
        await _readerPort!.DisposeAsync();
        _reader!.Dispose();
        _pad!.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose() => _stop?.Dispose();

    private string[] Devices(string command, params string[] more) =>
        [command, "--store", Store, "--reader", _reader!.HostEnd, "--pad", _pad!.HostEnd, "--camera", "demo", "--point", "650105-04", "--network-folder", Net, .. more];

    [TestMethod]
    public async Task SelfTest_AllDevicesAnswer_PassesEveryLineThenFailsNamingTheNetworkUp()
    {
        var run = await CliRun.InProcessAsync(Devices("selftest"));
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output);
        foreach (var name in new[] { "终端存储", "时钟", "网络防护", "读卡器", "签字板", "摄像头" })
        {
            StringAssert.Contains(run.Output, "通过　" + name);
        }
        StringAssert.Contains(run.Output, "安全模块编号");
        StringAssert.Contains(run.Output, "演示摄像头");
        Directory.CreateDirectory(Path.Combine(Net, "wlan0"));
        File.WriteAllText(Path.Combine(Net, "wlan0", "operstate"), "up\n");
        var refused = await CliRun.InProcessAsync(Devices("selftest"));
        Assert.AreEqual(TerminalCli.Invalid, refused.ExitCode, refused.Output);
        StringAssert.Contains(refused.Output, "失败　网络防护");
        StringAssert.Contains(refused.Output, "wlan0");
        StringAssert.Contains(refused.Output, "自检未通过：1 项");
    }

    [TestMethod]
    public async Task SelfTest_NoReaderNoPad_FailsSayingWhatToCheck()
    {
        var run = await CliRun.InProcessAsync(["selftest", "--store", Store, "--reader", Path.Combine(_folder, "none"), "--pad", Path.Combine(_folder, "none2"),
            "--camera", Path.Combine(_folder, "video9"), "--network-folder", Net]);
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "失败　读卡器");
        StringAssert.Contains(run.Output, "失败　签字板");
        StringAssert.Contains(run.Output, "失败　摄像头");
        StringAssert.Contains(run.Output, "通过　终端存储");
    }

    [TestMethod]
    public async Task Diagnostics_LogsWithIdAndPhoneNumbers_BundleHoldsCountsAndSelfTestButNoPersonalData()
    {
        var logs = Path.Combine(_folder, "logs");
        Directory.CreateDirectory(logs);
        File.WriteAllText(Path.Combine(logs, "terminal.log"), "card read 650105196503120019, phone 13912345678, reader ok\n");
        var zip = Path.Combine(_folder, "support.zip");
        var run = await CliRun.InProcessAsync(Devices("diagnostics", "--output", zip, "--logs", logs));
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output);
        using var archive = ZipFile.OpenRead(zip);
        CollectionAssert.AreEquivalent(new[] { "versions.txt", "settings.json", "counts.json", "selftest.txt", "logs/terminal.log" }, archive.Entries.Select(e => e.FullName).ToArray());
        var all = string.Concat(archive.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.DoesNotContain("650105196503120019", all);
        Assert.DoesNotContain("13912345678", all);
        Assert.DoesNotContain("张建国", all);
        StringAssert.Contains(all, "[证件号码已隐去]");
        StringAssert.Contains(all, "\"initialData\": 1");
        StringAssert.Contains(all, "通过　读卡器");
        var again = await CliRun.InProcessAsync(Devices("diagnostics", "--output", zip));
        Assert.AreEqual(TerminalCli.Invalid, again.ExitCode);
        StringAssert.Contains(again.Output, "已存在");
    }

    [TestMethod]
    public async Task Wipe_AnswerNotConfirmedThenYes_KeepsTheStoreThenErasesItAfterAuditingTheWipe()
    {
        var before = Console.In;
        try
        {
            Console.SetIn(new StringReader("不要\n"));
            var kept = await CliRun.InProcessAsync("wipe", "--store", Store);
            Assert.AreEqual(TerminalCli.Invalid, kept.ExitCode, kept.Output);
            StringAssert.Contains(kept.Output, "已取消");
            Assert.IsTrue(TerminalStore.Exists(Store));
        }
        finally
        {
            Console.SetIn(before);
        }
        var files = Directory.GetFiles(Store).Select(Path.GetFileName).ToHashSet();
        var wiped = await CliRun.InProcessAsync("wipe", "--store", Store, "--yes");
        Assert.AreEqual(TerminalCli.Valid, wiped.ExitCode, wiped.Output);
        StringAssert.Contains(wiped.Output, "初始数据 1 人");
        Assert.IsFalse(TerminalStore.Exists(Store));
        Assert.IsFalse(Directory.GetFiles(Store).Any(f => files.Contains(Path.GetFileName(f)) && new FileInfo(f).Length > 0), "the store's files are gone");
    }
}
