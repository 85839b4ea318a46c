using Terminal.Drivers.Camera.Capture;

namespace Terminal.Drivers.Camera.Tests.Kernel;

/// <summary>The V4L2 binding against vivid in a real kernel (the rig's guest): ioctls, mmap streaming, errors.</summary>
[TestClass]
[TestCategory("Kernel")]
[DoNotParallelize]
public sealed class V4l2CameraKernelTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void RequireRig() => KernelRig.Require();

    [TestMethod]
    public void Open_Vivid_IsCaptureDeviceWithStreaming()
    {
        using var camera = V4l2Camera.Open(KernelRig.Camera);
        Assert.AreEqual("vivid", camera.Capabilities.Driver);
        Assert.IsTrue(camera.Capabilities.CanCapture);
        Assert.IsTrue(camera.Capabilities.CanStream);
        TestContext.WriteLine($"{camera.Capabilities}");
    }

    [TestMethod]
    public void ListPixelFormats_Vivid_OffersYuyvAndNoMjpeg()
    {
        using var camera = V4l2Camera.Open(KernelRig.Camera);
        var formats = camera.ListPixelFormats();
        TestContext.WriteLine(string.Join(", ", formats.Select(f => $"{f.Format} ({f.Description})")));
        Assert.IsTrue(formats.Any(f => f.Format == FourCc.Yuyv), "YUYV offered");
        Assert.IsFalse(formats.Any(f => f.Format.IsJpeg), "vivid has no MJPEG");
    }

    [TestMethod]
    public void ListFrameSizes_VividYuyv_HasTheWebcamSizes()
    {
        using var camera = V4l2Camera.Open(KernelRig.Camera);
        var sizes = camera.ListFrameSizes(FourCc.Yuyv);
        TestContext.WriteLine(string.Join(", ", sizes));
        CollectionAssert.IsSubsetOf(new[] { new FrameSize(320, 180), new FrameSize(640, 360), new FrameSize(1280, 720) }, sizes.ToArray());
    }

    [TestMethod]
    public void Negotiate_Vivid_TakesYuyvAtTheAskedSize()
    {
        using var camera = V4l2Camera.Open(KernelRig.Camera);
        var format = camera.Negotiate(new CameraOptions { Width = 640, Height = 360 });
        Assert.AreEqual(new CameraFormat(FourCc.Yuyv, 640, 360, 1280, 640 * 360 * 2), format);
    }

    [TestMethod]
    public void SetFormat_Mjpeg_RefusedByVivid()
    {
        using var camera = V4l2Camera.Open(KernelRig.Camera);
        var e = Assert.ThrowsExactly<CameraException>(() => camera.SetFormat(FourCc.Mjpeg, 640, 360));
        Assert.AreEqual(CameraError.FormatRefused, e.Error);
        Assert.AreEqual(CameraErrorText.For(CameraError.FormatRefused), e.Message);
    }

    [TestMethod]
    public void Stream_TwelveFrames_WholeFramesWithRisingSequence()
    {
        using var camera = V4l2Camera.Open(KernelRig.Camera);
        var format = camera.Negotiate(new CameraOptions { Width = 640, Height = 360 });
        var granted = camera.TrySetFrameRate(30);
        camera.StartStreaming(4);
        Assert.IsGreaterThanOrEqualTo(2, camera.BufferCount);
        var sequences = new List<uint>();
        // The buffers queued at the start fill before the first dequeue: the rate is timed from the frame after them.
        var warmUp = camera.BufferCount;
        long started = 0;
        while (sequences.Count < warmUp + 12)
        {
            Assert.IsTrue(camera.TryDequeue(5000, out var frame), "a frame within 5 s");
            Assert.AreEqual(format.SizeImage, frame.Data.Length, "bytesused of a YUYV frame is the whole image");
            started = sequences.Count == warmUp ? Environment.TickCount64 : started;
            sequences.Add(frame.Sequence);
            camera.Requeue(frame);
        }
        var seconds = (Environment.TickCount64 - started) / 1000.0;
        TestContext.WriteLine($"{sequences.Count} frames of {format.SizeImage} bytes; the last 12 in {seconds:F2} s ({11 / seconds:F1} frames/s under emulation)");
        // read by the bench (tests/Terminal.Bench/DriversBench.cs): the rate measured against the rate asked of vivid
        TestContext.WriteLine(FormattableString.Invariant($"BENCH camera-rate measured={11 / seconds:F3} requested={granted ?? 30:F3} frame-bytes={format.SizeImage}"));
        CollectionAssert.AreEqual(sequences.Order().ToList(), sequences, "sequence numbers rise");
        camera.StopStreaming();
        Assert.IsFalse(camera.IsStreaming);
        Assert.AreEqual(0, camera.BufferCount);
    }

    [TestMethod]
    public void StopCloseReopen_Vivid_StreamsAgain()
    {
        for (var round = 0; round < 2; round++)
        {
            var camera = V4l2Camera.Open(KernelRig.Camera);
            camera.Negotiate(new CameraOptions { Width = 320, Height = 180 });
            camera.StartStreaming(3);
            Assert.IsTrue(camera.TryDequeue(5000, out var frame));
            camera.Requeue(frame);
            camera.Dispose();
            camera.Dispose();
            Assert.IsFalse(camera.IsOpen);
        }
    }

    [TestMethod]
    public void SetFormat_WhileAnotherHandleStreams_Busy()
    {
        using var first = V4l2Camera.Open(KernelRig.Camera);
        first.Negotiate(new CameraOptions { Width = 640, Height = 360 });
        first.StartStreaming(3);
        using var second = V4l2Camera.Open(KernelRig.Camera);
        var e = Assert.ThrowsExactly<CameraException>(() => second.SetFormat(FourCc.Yuyv, 320, 180));
        Assert.AreEqual(CameraError.Busy, e.Error);
        TestContext.WriteLine($"{e.Detail} → {e.Message}");
        var opened = CameraSession.Open(new CameraOptions { DevicePath = KernelRig.Camera, Width = 640, Height = 360 });
        var failed = opened as CameraOpenResult.Failed;
        Assert.IsNotNull(failed, opened.ToString());
        Assert.AreEqual(CameraError.Busy, failed.Error);
        Assert.AreEqual("摄像头正被占用：请关闭其他正在拍照的界面后重试", failed.Message);
    }

    [TestMethod]
    public void Open_MissingNode_NoDevice()
    {
        var e = Assert.ThrowsExactly<CameraException>(() => V4l2Camera.Open("/dev/video9"));
        Assert.AreEqual(CameraError.NoDevice, e.Error);
        var opened = CameraSession.Open(new CameraOptions { DevicePath = "/dev/video9" });
        Assert.AreEqual("找不到摄像头：请检查摄像头连线，或重新插拔摄像头", opened.Message);
    }

    [TestMethod]
    public void Open_NotAVideoNode_NotACamera()
    {
        var e = Assert.ThrowsExactly<CameraException>(() => V4l2Camera.Open("/dev/null"));
        Assert.AreEqual(CameraError.NotACamera, e.Error);
        TestContext.WriteLine(e.Detail);
    }
}
