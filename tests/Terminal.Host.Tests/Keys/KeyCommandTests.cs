using System.Text;
using Terminal.Host.Cli;
using Terminal.Host.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Tests.Keys;

/// <summary>The district key's set-up and the backup/restore drill, through the host's command line.</summary>
[TestClass]
public sealed class KeyCommandTests
{
    private static readonly SealingContext Context = new("record", Guid.Parse("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"), 1);

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    [TestMethod]
    [DataRow("P256")]
    [DataRow("SM2")]
    public async Task Drill_GenerateShowBackupRestore_RestoredKeyOpensWhatTheOriginalsPublicKeySealed(string suite)
    {
        using var temp = new TempFolder();
        var passphrase = temp.Passphrase("pass", "区县口令 correct horse");
        var key = temp.File("district.key");

        var generated = await HostCliRun.RunAsync(["key", "generate", "--suite", suite, "--out", key, "--passphrase-file", passphrase, "--dpapi", "none", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Done, generated.Code, generated.Error);
        StringAssert.Contains(generated.Output, "区县密钥已生成");
        var shown = await HostCliRun.RunAsync("key", "show-public", "--key", key);
        Assert.AreEqual(HostCli.Done, shown.Code, shown.Error);
        var publicKey = DistrictPublicKey.Parse(LastLine(shown.Output));
        StringAssert.Contains(generated.Output, publicKey.ToString(), "generate prints the same public key as show-public");
        Assert.AreEqual(suite == "SM2" ? DistrictSuite.Sm2 : DistrictSuite.P256, publicKey.Suite);

        // A terminal seals a record to the public key before anything else happens.
        var plaintext = Encoding.UTF8.GetBytes("张建国的采集记录（测试数据）");
        var envelope = DistrictSeal.Seal(publicKey, Context, plaintext);

        var backup = temp.File("safe/district.key.backup");
        var backedUp = await HostCliRun.RunAsync("key", "backup", "--key", key, "--out", backup, "--passphrase-file", passphrase);
        Assert.AreEqual(HostCli.Done, backedUp.Code, backedUp.Error);
        StringAssert.Contains(backedUp.Output, "备份已写入并验证");

        // The office PC dies: the key file is gone, and the backup is restored on a new machine.
        File.Delete(key);
        var restoredPath = temp.File("new-pc/district.key");
        var restored = await HostCliRun.RunAsync("key", "restore", "--backup", backup, "--out", restoredPath, "--passphrase-file", passphrase, "--dpapi", "none");
        Assert.AreEqual(HostCli.Done, restored.Code, restored.Error);
        Assert.AreEqual(publicKey, DistrictPublicKey.Parse(LastLine(restored.Output)));

        using var pair = DistrictKeyFile.Open(File.ReadAllBytes(restoredPath), "区县口令 correct horse");
        CollectionAssert.AreEqual(plaintext, DistrictSeal.Open(pair, Context, envelope));
    }

    [TestMethod]
    public async Task Open_WrongPassphrase_RefusedSayingThePassphraseIsWrong()
    {
        using var temp = new TempFolder();
        var key = temp.File("district.key");
        await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", key, "--passphrase-file", temp.Passphrase("pass", "the right passphrase"), "--dpapi", "none", .. HostCliRun.CheapKdf]);

        var check = await HostCliRun.RunAsync("key", "check", "--key", key, "--passphrase-file", temp.Passphrase("wrong", "the wrong passphrase"));
        Assert.AreEqual(HostCli.Refused, check.Code);
        StringAssert.Contains(check.Error, "口令不对");
        var backup = await HostCliRun.RunAsync("key", "backup", "--key", key, "--out", temp.File("backup"), "--passphrase-file", temp.File("wrong"));
        Assert.AreEqual(HostCli.Refused, backup.Code);
        Assert.IsFalse(File.Exists(temp.File("backup")), "no backup is written with a passphrase that does not open the key");
        var e = Assert.ThrowsExactly<KeyFileException>(() => DistrictKeyFile.Open(File.ReadAllBytes(key), "the wrong passphrase"));
        Assert.AreEqual(KeyFileFailure.WrongPassphrase, e.Failure);
    }

    [TestMethod]
    public async Task Open_AnyByteDamaged_RefusedAsDamagedNotAsAWrongPassphrase()
    {
        using var temp = new TempFolder();
        var key = temp.File("district.key");
        await HostCliRun.RunAsync(["key", "generate", "--suite", "SM2", "--out", key, "--passphrase-file", temp.Passphrase("pass", "the right passphrase"), "--dpapi", "none", .. HostCliRun.CheapKdf]);
        var original = File.ReadAllBytes(key);
        for (var i = DistrictKeyFile.Magic.Length + 1; i < original.Length; i += 7)
        {
            var damaged = (byte[])original.Clone();
            damaged[i] ^= 0x20;
            var e = Assert.ThrowsExactly<KeyFileException>(() => DistrictKeyFile.Open(damaged, "the right passphrase"), $"byte {i}");
            Assert.IsTrue(e.Failure is KeyFileFailure.Damaged or KeyFileFailure.UnknownFormat, $"byte {i}: {e.Failure}");
        }
        var truncated = original[..^10];
        Assert.AreEqual(KeyFileFailure.Damaged, Assert.ThrowsExactly<KeyFileException>(() => DistrictKeyFile.Inspect(truncated)).Failure);

        var corrupt = (byte[])original.Clone();
        corrupt[130] ^= 1;
        await File.WriteAllBytesAsync(key, corrupt);
        var check = await HostCliRun.RunAsync("key", "check", "--key", key, "--passphrase-file", temp.File("pass"));
        Assert.AreEqual(HostCli.Refused, check.Code);
        StringAssert.Contains(check.Error, "已损坏");
        StringAssert.Contains(check.Error, "备份恢复");
        var shown = await HostCliRun.RunAsync("key", "show-public", "--key", key);
        Assert.AreEqual(HostCli.Refused, shown.Code, "a damaged file shows no public key either");
    }

    [TestMethod]
    public async Task Generate_OverAnExistingFile_RefusedAndTheFileIsUntouched()
    {
        using var temp = new TempFolder();
        var key = temp.File("district.key");
        var pass = temp.Passphrase("pass", "the right passphrase");
        await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", key, "--passphrase-file", pass, "--dpapi", "none", .. HostCliRun.CheapKdf]);
        var before = File.ReadAllBytes(key);

        var again = await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", key, "--passphrase-file", pass, "--dpapi", "none", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Refused, again.Code);
        StringAssert.Contains(again.Error, "不会覆盖");
        var restore = await HostCliRun.RunAsync("key", "restore", "--backup", key, "--out", key, "--passphrase-file", pass, "--dpapi", "none");
        Assert.AreEqual(HostCli.Refused, restore.Code);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(key));
    }

    [TestMethod]
    public async Task Generate_ShortPassphraseOrWeakKdf_Refused()
    {
        using var temp = new TempFolder();
        var shortPass = await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", temp.File("a.key"), "--passphrase-file", temp.Passphrase("short", "12345"), "--dpapi", "none", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Refused, shortPass.Code);
        StringAssert.Contains(shortPass.Error, "口令太短");
        var weak = await HostCliRun.RunAsync("key", "generate", "--suite", "P256", "--out", temp.File("b.key"), "--passphrase-file", temp.Passphrase("ok", "long enough passphrase"), "--dpapi", "none", "--kdf-memory-mib", "1");
        Assert.AreEqual(HostCli.Refused, weak.Code);
        StringAssert.Contains(weak.Error, "口令派生内存");
        Assert.IsFalse(File.Exists(temp.File("a.key")) || File.Exists(temp.File("b.key")));
    }

    [TestMethod]
    public async Task Dpapi_OffWindows_RefusedSayingItIsWindowsOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("on Windows DPAPI is available: this test is about every other system");
        }
        using var temp = new TempFolder();
        var generated = await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", temp.File("a.key"), "--passphrase-file", temp.Passphrase("pass", "long enough passphrase"), "--dpapi", "machine", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Refused, generated.Code);
        StringAssert.Contains(generated.Error, "DPAPI 只在 Windows 上可用");
        Assert.IsFalse(File.Exists(temp.File("a.key")));
    }

    [TestMethod]
    [DoNotParallelize] // it measures: the child-process hosts of the other class would share its two cores
    public void Open_DefaultArgon2id_TakesUnderTenSecondsOnThisMachine()
    {
        using var pair = DistrictKeyPair.Generate(DistrictSuite.P256);
        var file = DistrictKeyFile.Create(pair, "the right passphrase", KeyDerivation.Default);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var opened = DistrictKeyFile.Open(file, "the right passphrase");
        var elapsed = clock.Elapsed;
        Console.WriteLine($"Argon2id {KeyDerivation.Default.MemoryKiB / 1024} MiB, {KeyDerivation.Default.Iterations} passes, {KeyDerivation.Default.Parallelism} lane: opened in {elapsed.TotalSeconds:0.000} s");
        Assert.AreEqual(pair.PublicKey, opened.PublicKey);
        Assert.IsLessThan(10.0, elapsed.TotalSeconds, "the service opens the key at every start: it must not take minutes");
        Assert.AreEqual(KeyDerivation.Default, DistrictKeyFile.Inspect(file).Derivation, "the parameters are stored in the file");
    }

    [TestMethod]
    public void Backup_OfAPassphraseOnlyFile_IsTheSameBytesAndOpens()
    {
        using var pair = DistrictKeyPair.Generate(DistrictSuite.Sm2);
        var file = DistrictKeyFile.Create(pair, "the right passphrase", new KeyDerivation(19 * 1024, 1, 1));
        CollectionAssert.AreEqual(file, DistrictKeyFile.WithProtection(file, KeyProtection.Passphrase));
        var info = DistrictKeyFile.Inspect(file);
        Assert.AreEqual(KeyProtection.Passphrase, info.Protection);
        Assert.AreEqual(pair.PublicKey, info.PublicKey);
    }
}
