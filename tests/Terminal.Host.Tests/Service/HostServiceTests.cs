using Terminal.Host.Cli;
using Terminal.Host.Tests.Configuration;

namespace Terminal.Host.Tests.Service;

/// <summary>
/// The host program started for real (a child process, SQLite in a temp folder): it serves its status page on
/// 127.0.0.1 once the key opened, refuses to start without a key it can open or off loopback without TLS, and stops
/// cleanly on SIGTERM.
/// </summary>
[TestClass]
[TestCategory("Database")]
public sealed class HostServiceTests
{
    private const string Passphrase = "区县密钥口令 for tests";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A data folder with a district key (cheap Argon2id) and its passphrase file.</summary>
    private static async Task<TempFolder> DataFolderWithKeyAsync()
    {
        var temp = new TempFolder();
        var generated = await HostCliRun.RunAsync(["key", "generate", "--suite", "SM2", "--out", temp.File("district.key"),
            "--passphrase-file", temp.Passphrase("district.key.passphrase", Passphrase), "--dpapi", "none", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Done, generated.Code, generated.Error);
        return temp;
    }

    private static object Settings(TempFolder temp, int port, object? listen = null, object? key = null) => new
    {
        District = new { Code = "650105", DataFolder = temp.Path },
        Listen = listen ?? new { Address = "127.0.0.1", Port = port },
        DistrictKey = key ?? new { KeyFile = "district.key", PassphraseSource = "File", PassphraseFile = "district.key.passphrase" },
    };

    [TestMethod]
    public async Task Run_OnSqlite_ServesTheStatusPageOnLoopbackAndStopsCleanlyOnSigterm()
    {
        using var temp = await DataFolderWithKeyAsync();
        var port = HostProcess.FreePort();
        using var host = HostProcess.Start(temp, Settings(temp, port));
        using var client = new HttpClient();
        var page = await host.GetWhenUpAsync(client, $"http://127.0.0.1:{port}/", StartTimeout);
        StringAssert.Contains(page, "650105 新疆维吾尔自治区乌鲁木齐市水磨沟区");
        StringAssert.Contains(page, "SQLite");
        StringAssert.Contains(page, "<th>已登记终端</th><td>0</td>");
        var status = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/status"));
        StringAssert.Contains(status, "\"keySuite\":\"SM2\"");
        Assert.IsTrue(File.Exists(temp.File("district.db")), "the database was created and migrated in the data folder");

        host.Terminate();
        Assert.AreEqual(HostCli.Done, await host.ExitCodeAsync(TimeSpan.FromSeconds(30)), host.Output);
        StringAssert.Contains(host.Output, "区县主机正在停止");
        StringAssert.Contains(host.Output, "区县主机已停止");
        var log = Directory.GetFiles(temp.File("logs"), "host-*.log").Single();
        StringAssert.Contains(File.ReadAllText(log), "区县主机已启动", "the log file is written in the data folder");
        Assert.DoesNotContain(Passphrase, host.Output + File.ReadAllText(log), "the passphrase is never logged");
    }

    [TestMethod]
    public async Task Run_WithTheSystemdCredential_OpensTheKeyAndServesOverTlsOnLoopback()
    {
        using var temp = await DataFolderWithKeyAsync();
        var credentials = Directory.CreateDirectory(temp.File("credentials")).FullName;
        File.Copy(temp.File("district.key.passphrase"), Path.Combine(credentials, "district-key-passphrase"));
        var (certificate, key) = OptionsValidationTests.WriteSelfSigned(temp);
        var port = HostProcess.FreePort();
        using var host = HostProcess.Start(temp,
            Settings(temp, port, listen: new { Address = "127.0.0.1", Port = port, CertificateFile = certificate, CertificateKeyFile = key },
                key: new { KeyFile = "district.key", PassphraseSource = "SystemdCredential" }),
            new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = credentials });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Subject == "CN=区县主机测试" };
        using var client = new HttpClient(handler);
        StringAssert.Contains(await host.GetWhenUpAsync(client, $"https://127.0.0.1:{port}/", StartTimeout), "区县主机");
        host.Terminate();
        Assert.AreEqual(HostCli.Done, await host.ExitCodeAsync(TimeSpan.FromSeconds(30)), host.Output);
    }

    [TestMethod]
    public async Task Run_KeyFileMissing_RefusesToStartSayingWhy()
    {
        using var temp = await DataFolderWithKeyAsync();
        File.Move(temp.File("district.key"), temp.File("elsewhere.key"));
        using var host = HostProcess.Start(temp, Settings(temp, HostProcess.FreePort()));
        Assert.AreEqual(HostCli.StartRefused, await host.ExitCodeAsync(StartTimeout), host.Output);
        StringAssert.Contains(host.Output, "区县主机拒绝启动");
        StringAssert.Contains(host.Output, "区县密钥文件不存在");
        StringAssert.Contains(host.Output, "key restore");
    }

    [TestMethod]
    public async Task Run_WrongPassphrase_RefusesToStartSayingWhy()
    {
        using var temp = await DataFolderWithKeyAsync();
        File.Delete(temp.File("district.key.passphrase"));
        temp.Passphrase("district.key.passphrase", "not the passphrase");
        using var host = HostProcess.Start(temp, Settings(temp, HostProcess.FreePort()));
        Assert.AreEqual(HostCli.StartRefused, await host.ExitCodeAsync(StartTimeout), host.Output);
        StringAssert.Contains(host.Output, "区县主机拒绝启动");
        StringAssert.Contains(host.Output, "口令不对");
        Assert.IsFalse(File.Exists(temp.File("district.db")), "nothing is set up before the key opens");
    }

    [TestMethod]
    public async Task Run_DamagedKeyOrPassphraseFileOthersCanRead_RefusesToStartSayingWhy()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("file modes are a Unix matter; on Windows the folder's ACL guards the passphrase file");
            return;
        }
        using var temp = await DataFolderWithKeyAsync();
        File.SetUnixFileMode(temp.File("district.key.passphrase"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        using (var host = HostProcess.Start(temp, Settings(temp, HostProcess.FreePort())))
        {
            Assert.AreEqual(HostCli.StartRefused, await host.ExitCodeAsync(StartTimeout), host.Output);
            StringAssert.Contains(host.Output, "其他用户也可读写");
        }
        File.SetUnixFileMode(temp.File("district.key.passphrase"), UnixFileMode.UserRead);
        var bytes = await File.ReadAllBytesAsync(temp.File("district.key"));
        bytes[60] ^= 0x01;
        await File.WriteAllBytesAsync(temp.File("district.key"), bytes);
        using (var host = HostProcess.Start(temp, Settings(temp, HostProcess.FreePort())))
        {
            Assert.AreEqual(HostCli.StartRefused, await host.ExitCodeAsync(StartTimeout), host.Output);
            StringAssert.Contains(host.Output, "区县密钥文件已损坏");
        }
    }

    [TestMethod]
    public async Task Run_OffLoopbackWithoutTls_RefusesToStartNamingTheSetting()
    {
        using var temp = await DataFolderWithKeyAsync();
        using var host = HostProcess.Start(temp, Settings(temp, 0, listen: new { Address = "0.0.0.0", Port = HostProcess.FreePort() }));
        Assert.AreEqual(HostCli.StartRefused, await host.ExitCodeAsync(StartTimeout), host.Output);
        StringAssert.Contains(host.Output, "区县主机设置有误，拒绝启动");
        StringAssert.Contains(host.Output, "Listen:Address 为 0.0.0.0");
        StringAssert.Contains(host.Output, "必须启用 TLS");
    }

    [TestMethod]
    public async Task Run_SeveralSettingsWrong_ReportsEachOne()
    {
        using var temp = new TempFolder();
        using var host = HostProcess.Start(temp, new
        {
            District = new { Code = "", DataFolder = temp.Path },
            Database = new { Kind = "Oracle" },
        });
        Assert.AreEqual(HostCli.StartRefused, await host.ExitCodeAsync(StartTimeout), host.Output);
        StringAssert.Contains(host.Output, "District:Code 未设置");
        StringAssert.Contains(host.Output, "Database:Kind 应为 Sqlite 或 Postgres");
    }
}
