using Terminal.Drivers.Linux;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Tests.Capture;

/// <summary>Which errno from which V4L2 step is which field-worker error, and that each has its Chinese message.</summary>
[TestClass]
public sealed class CameraErrnoTests
{
    [TestMethod]
    [DataRow((int)CameraOperation.Open, Errno.ENOENT, CameraError.NoDevice)]
    [DataRow((int)CameraOperation.Open, Errno.ENODEV, CameraError.NoDevice)]
    [DataRow((int)CameraOperation.Open, Errno.ENXIO, CameraError.NoDevice)]
    [DataRow((int)CameraOperation.Open, Errno.EACCES, CameraError.PermissionDenied)]
    [DataRow((int)CameraOperation.Open, Errno.EPERM, CameraError.PermissionDenied)]
    [DataRow((int)CameraOperation.Open, Errno.EBUSY, CameraError.Busy)]
    [DataRow((int)CameraOperation.QueryCapabilities, Errno.ENOTTY, CameraError.NotACamera)]
    [DataRow((int)CameraOperation.QueryCapabilities, Errno.EINVAL, CameraError.NotACamera)]
    [DataRow((int)CameraOperation.SetFormat, Errno.EBUSY, CameraError.Busy)]
    [DataRow((int)CameraOperation.SetFormat, Errno.EINVAL, CameraError.FormatRefused)]
    [DataRow((int)CameraOperation.AllocateBuffers, Errno.EBUSY, CameraError.Busy)]
    [DataRow((int)CameraOperation.AllocateBuffers, Errno.ENOMEM, CameraError.DeviceError)]
    [DataRow((int)CameraOperation.StartStreaming, Errno.ENOSPC, CameraError.DeviceError)]
    [DataRow((int)CameraOperation.Dequeue, Errno.ENODEV, CameraError.Unplugged)]
    [DataRow((int)CameraOperation.Dequeue, Errno.EPIPE, CameraError.Unplugged)]
    [DataRow((int)CameraOperation.Dequeue, Errno.EIO, CameraError.DeviceError)]
    [DataRow((int)CameraOperation.Queue, Errno.ENODEV, CameraError.Unplugged)]
    [DataRow((int)CameraOperation.StopStreaming, Errno.ENODEV, CameraError.Unplugged)]
    [DataRow((int)CameraOperation.Enumerate, Errno.EINVAL, CameraError.DeviceError)]
    public void Classify_ErrnoOfOperation_IsError(int operation, int errno, CameraError expected) =>
        Assert.AreEqual(expected, CameraErrno.Classify((CameraOperation)operation, errno));

    [TestMethod]
    public void FromErrno_Busy_CarriesChineseMessageAndDetail()
    {
        var e = CameraException.FromErrno(CameraOperation.SetFormat, Errno.EBUSY, "VIDIOC_S_FMT", "/dev/video0");
        Assert.AreEqual(CameraError.Busy, e.Error);
        Assert.AreEqual(CameraErrorText.For(CameraError.Busy), e.Message);
        Assert.AreEqual("VIDIOC_S_FMT on /dev/video0: EBUSY", e.Detail);
    }

    [TestMethod]
    public void For_EveryError_IsChineseAndSaysWhatToDo()
    {
        foreach (var error in Enum.GetValues<CameraError>())
        {
            var text = CameraErrorText.For(error);
            Assert.IsTrue(text.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{error}: {text}");
            Assert.Contains("：", text, $"{error} says what happened, then what to do: {text}");
        }
    }

    [TestMethod]
    public void Name_UnknownErrno_GivesNumber() => Assert.AreEqual("errno 999", Errno.Name(999));
}
