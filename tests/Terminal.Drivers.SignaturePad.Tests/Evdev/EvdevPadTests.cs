using Terminal.Drivers.SignaturePad.Evdev;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

/// <summary>Opening nodes that any Linux machine has (or lacks): the typed failures, without the kernel rig.</summary>
[TestClass]
public sealed class EvdevPadTests
{
    [TestMethod]
    public void Open_MissingNode_NoDeviceWithChineseMessage()
    {
        var failed = EvdevPad.Open("/dev/input/event-no-such-pad") as PadOpenResult.Failed;
        Assert.IsNotNull(failed);
        Assert.AreEqual(SignaturePadError.NoDevice, failed.Error);
        Assert.AreEqual("找不到签字板：请检查签字板的数据线是否插好，或重新插拔签字板", failed.Message);
        Assert.AreEqual("open on /dev/input/event-no-such-pad: ENOENT", failed.Detail);
    }

    [TestMethod]
    public void Open_DevNull_NotAPen()
    {
        var failed = EvdevPad.Open("/dev/null") as PadOpenResult.Failed;
        Assert.IsNotNull(failed);
        Assert.AreEqual(SignaturePadError.NotAPen, failed.Error, failed.Detail);
        StringAssert.StartsWith(failed.Detail, "EVIOCGBIT on /dev/null: ");
    }
}
