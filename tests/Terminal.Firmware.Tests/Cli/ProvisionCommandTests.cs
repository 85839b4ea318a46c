using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Tests.Cli;

[TestClass]
public sealed class ProvisionCommandTests
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "provision-" + Guid.NewGuid().ToString("N")[..8]);

    private static string[] Args(string store, string districtKey, string point = "650105-04", string pin = "246810") =>
        ["provision", "--store", store, "--terminal-id", "T650105-04", "--district-key", districtKey, "--point", point,
         "--operator", "op-0401", "--pin", pin, "--roster", Path.Combine(AppContext.BaseDirectory, "sample-roster.csv")];

    [TestMethod]
    public async Task Provision_GoodSettings_MakesAStoreTheOperatorOpensWithTheRosterAndPrintsTheRecoveryKeyOnce()
    {
        var folder = NewFolder();
        using var district = DistrictKeyPair.Generate(DistrictSuite.Sm2);
        try
        {
            var run = await CliRun.InProcessAsync(Args(Path.Combine(folder, "store"), district.PublicKey.ToString()));
            Assert.AreEqual(0, run.ExitCode, run.Output + run.Error);
            StringAssert.Contains(run.Output, "南湖北采集点（650105-04）");
            StringAssert.Contains(run.Output, "初始数据 4 人");
            StringAssert.Matches(run.Output, new System.Text.RegularExpressions.Regex("恢复密钥.*：([A-Z2-7]{4}-){12}[A-Z2-7]{4}"));
            using var store = TerminalStore.Open(new TerminalStoreOptions { Folder = Path.Combine(folder, "store") });
            Assert.IsTrue(store.Login("op-0401", "246810").Succeeded);
            Assert.AreEqual("张建国", store.FindInitialData("650105196503120019")!.Name);
            Assert.AreEqual(district.PublicKey, store.DistrictKey);

            var again = await CliRun.InProcessAsync(Args(Path.Combine(folder, "store"), district.PublicKey.ToString()));
            Assert.AreEqual(1, again.ExitCode);
            StringAssert.Contains(again.Output, "已经初始化过");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [TestMethod]
    [DataRow("RSA:abc", "650105-04", "246810", "区县公钥格式不对")]
    [DataRow(null, "650105-99", "246810", "采集点“650105-99”不在本区的采集点表中")]
    [DataRow(null, "650105-04", "12ab", "PIN")]
    public async Task Provision_BadSettings_SaysWhatToFixAndMakesNothing(string? key, string point, string pin, string expected)
    {
        var folder = NewFolder();
        using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
        var run = await CliRun.InProcessAsync(Args(Path.Combine(folder, "store"), key ?? district.PublicKey.ToString(), point, pin));
        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.Output, expected);
        StringAssert.Contains(run.Output, "终端未初始化");
        Assert.IsFalse(Directory.Exists(folder), "nothing is written");
    }
}
