using Terminal.Drivers.Linux;
using Terminal.Drivers.SignaturePad.Evdev;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

[TestClass]
public sealed class SignaturePadErrnoTests
{
    [TestMethod]
    [DataRow((int)PadOperation.Open, 2, SignaturePadError.NoDevice)]       // ENOENT
    [DataRow((int)PadOperation.Open, 19, SignaturePadError.NoDevice)]      // ENODEV
    [DataRow((int)PadOperation.Open, 13, SignaturePadError.PermissionDenied)] // EACCES
    [DataRow((int)PadOperation.Open, 1, SignaturePadError.PermissionDenied)]  // EPERM
    [DataRow((int)PadOperation.Query, 25, SignaturePadError.NotAPen)]      // ENOTTY: not an evdev node
    [DataRow((int)PadOperation.Query, 22, SignaturePadError.NotAPen)]      // EINVAL
    [DataRow((int)PadOperation.Query, 19, SignaturePadError.Unplugged)]    // ENODEV after open
    [DataRow((int)PadOperation.Grab, 16, SignaturePadError.Busy)]          // EBUSY: grabbed by another fd
    [DataRow((int)PadOperation.Read, 19, SignaturePadError.Unplugged)]     // ENODEV: evdev_read after the device went away
    [DataRow((int)PadOperation.Read, 5, SignaturePadError.DeviceError)]    // EIO
    [DataRow((int)PadOperation.Read, 25, SignaturePadError.DeviceError)]
    public void Classify_Errno_GivesTheError(int operation, int errno, SignaturePadError expected) =>
        Assert.AreEqual(expected, SignaturePadErrno.Classify((PadOperation)operation, errno));

    [TestMethod]
    public void For_EveryError_IsChineseWithWhatToDo()
    {
        foreach (var error in Enum.GetValues<SignaturePadError>())
        {
            var text = SignaturePadErrorText.For(error);
            StringAssert.Contains(text, "签字板");
            StringAssert.Contains(text, "：", "what happened, then what to do");
        }
        Assert.AreEqual("签字板已断开：请重新插好签字板的数据线后再签", SignaturePadErrorText.For(SignaturePadError.Unplugged));
    }
}
