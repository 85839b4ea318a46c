using Terminal.Storage.Network;

namespace Terminal.Storage.Tests.Network;

[TestClass]
public sealed class NetworkGuardTests
{
    private string _folder = null!;

    [TestInitialize]
    public void MakeFakeSysClassNet()
    {
        _folder = Path.Combine(Path.GetTempPath(), "net-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void RemoveFakeSysClassNet() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Check_OnlyLoopbackAndTheDockGadgetUp_IsSafe()
    {
        Interface("lo", "unknown", "0x9", type: 772);
        Interface("usb0", "up", "0x1003");
        Interface("eth0", "down", "0x1002");
        var check = new NetworkGuard(new NetworkGuardOptions { InterfacesFolder = _folder }).Check();
        Assert.IsTrue(check.IsSafe);
        Assert.IsEmpty(check.Messages);
    }

    [TestMethod]
    public void Check_WifiUp_NamesItInChinese()
    {
        Interface("lo", "unknown", "0x9", type: 772);
        Interface("wlan0", "up", "0x1003");
        var check = new NetworkGuard(new NetworkGuardOptions { InterfacesFolder = _folder }).Check();
        Assert.IsFalse(check.IsSafe);
        Assert.AreEqual("网络接口 wlan0 已开启：采集终端严禁接入网络，请关闭后再采集", check.Messages.Single());
    }

    [TestMethod]
    public void Check_UnknownStateWithUpFlag_CountsAsUp()
    {
        Interface("tun0", "unknown", "0x1091");
        Interface("dummy0", "unknown", "0x1082");
        CollectionAssert.AreEqual(new[] { "tun0" }, new NetworkGuard(new NetworkGuardOptions { InterfacesFolder = _folder }).Check().UpInterfaces.ToArray());
    }

    [TestMethod]
    public void Check_AllowedNames_AreConfigurable()
    {
        Interface("usb0", "up", "0x1003");
        Interface("rndis0", "up", "0x1003");
        var check = new NetworkGuard(new NetworkGuardOptions { InterfacesFolder = _folder, AllowedInterfaces = ["rndis0"] }).Check();
        CollectionAssert.AreEqual(new[] { "usb0" }, check.UpInterfaces.ToArray());
    }

    [TestMethod]
    public void Check_FolderMissing_FailsClosed()
    {
        var check = new NetworkGuard(new NetworkGuardOptions { InterfacesFolder = Path.Combine(_folder, "absent") }).Check();
        Assert.IsFalse(check.IsSafe);
        StringAssert.StartsWith(check.Messages.Single(), "无法读取网络接口状态");
    }

    [TestMethod]
    public void Check_ThisMachine_ReadsTheRealFolder()
    {
        var check = new NetworkGuard(new NetworkGuardOptions()).Check();
        Assert.IsFalse(check.CouldNotCheck);
        Assert.DoesNotContain("lo", check.UpInterfaces);
    }

    private void Interface(string name, string operstate, string flags, int type = 1)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "operstate"), operstate + "\n");
        File.WriteAllText(Path.Combine(path, "flags"), flags + "\n");
        File.WriteAllText(Path.Combine(path, "type"), type + "\n");
    }
}
