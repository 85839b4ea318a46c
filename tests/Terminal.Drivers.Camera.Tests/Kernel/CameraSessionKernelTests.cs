using System.Diagnostics;
using SkiaSharp;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.Camera.Photo;

namespace Terminal.Drivers.Camera.Tests.Kernel;

/// <summary>The photo session against vivid in a real kernel: preview, still, normalisation, unplug.</summary>
[TestClass]
[TestCategory("Kernel")]
[DoNotParallelize]
public sealed class CameraSessionKernelTests
{
    public TestContext TestContext { get; set; } = null!;

    private static CameraSession OpenSession(string device, int width = 640, int height = 360)
    {
        var opened = CameraSession.Open(new CameraOptions { DevicePath = device, Width = width, Height = height, WarmUpFrames = 2 });
        return opened is CameraOpenResult.Opened session ? session.Session : throw new AssertFailedException(opened.ToString());
    }

    [TestMethod]
    public void ReadPreview_Vivid_JpegFramesWithoutAllocatingPerFrame()
    {
        KernelRig.Require();
        using var session = OpenSession(KernelRig.Camera);
        var buffer = new byte[session.PreviewBufferSize];
        var first = session.ReadPreview(buffer);
        Assert.IsTrue(first.HasFrame, first.Message);
        Assert.IsTrue(buffer[0] == 0xFF && buffer[1] == 0xD8, "JPEG");
        using (var decoded = SKBitmap.Decode(buffer.AsSpan(0, first.Length)))
        {
            Assert.AreEqual(320, decoded.Width, "preview shrunk by 2");
        }
        session.ReadPreview(buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var last = first;
        for (var i = 0; i < 8; i++)
        {
            var frame = session.ReadPreview(buffer);
            Assert.IsTrue(frame.HasFrame, frame.Message);
            Assert.IsGreaterThan(last.Sequence, frame.Sequence, "always a newer frame");
            last = frame;
        }
        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / 8;
        TestContext.WriteLine($"preview: {last.Length} bytes a frame (320x180 JPEG), {8 / clock.Elapsed.TotalSeconds:F1} frames/s under emulation, " +
            $"{perFrame} managed bytes allocated a frame; camera rate {session.FrameRate}");
        Assert.IsLessThan(256, perFrame);
    }

    [TestMethod]
    public void CaptureStill_Vivid_FullSizeJpegThatNormalises()
    {
        KernelRig.Require();
        using var session = OpenSession(KernelRig.Camera, 1280, 720);
        var clock = Stopwatch.StartNew();
        var result = session.CaptureStill();
        var captureMs = clock.Elapsed.TotalMilliseconds;
        var still = result as CaptureResult.Captured;
        Assert.IsNotNull(still, result.Message);
        Assert.AreEqual(1280, still.Width);
        Assert.AreEqual(720, still.Height);
        using (var decoded = SKBitmap.Decode(still.Jpeg))
        {
            Assert.AreEqual(1280, decoded.Width);
            Assert.AreEqual(720, decoded.Height);
        }
        Save("vivid-still-1280x720.jpg", still.Jpeg);
        clock.Restart();
        var normalised = new PhotoNormaliser().Normalise(still.Jpeg, PhotoKind.PersonalPhoto, FramingRectangle.PortraitOn16By9);
        var normaliseMs = clock.Elapsed.TotalMilliseconds;
        var photo = (normalised as PhotoResult.Accepted)?.Photo;
        Assert.IsNotNull(photo, normalised.Message);
        Assert.IsLessThanOrEqualTo(300 * 1024, photo.Jpeg.Length);
        Save("vivid-personal-photo.jpg", photo.Jpeg);
        TestContext.WriteLine($"still: raw YUYV frame {session.Format.SizeImage} bytes, JPEG {still.Jpeg.Length} bytes in {captureMs:F0} ms; " +
            $"personal photo {photo.Jpeg.Length} bytes {photo.Width}x{photo.Height} q{photo.Quality} in {normaliseMs:F0} ms " +
            $"(mean luminance {photo.Measurements.MeanLuminance:F0}, sharpness {photo.Measurements.Sharpness:F0})");
    }

    [TestMethod]
    public void ReadPreview_DamagedBufferInjected_SkippedNotShown()
    {
        KernelRig.Require();
        using var session = OpenSession(KernelRig.Camera);
        var buffer = new byte[session.PreviewBufferSize];
        Assert.IsTrue(session.ReadPreview(buffer).HasFrame);
        using (var control = V4l2Camera.Open(KernelRig.Camera))
        {
            control.SetControl(KernelRig.VividDequeueError, 0);
        }
        for (var i = 0; i < 4; i++)
        {
            var frame = session.ReadPreview(buffer);
            Assert.IsTrue(frame.HasFrame, frame.Message);
        }
    }

    [TestMethod]
    public void ReadPreview_CameraUnpluggedMidStream_UnpluggedWithChineseMessage()
    {
        KernelRig.Require(KernelRig.UnpluggableCamera);
        var session = OpenSession(KernelRig.UnpluggableCamera);
        var buffer = new byte[session.PreviewBufferSize];
        Assert.IsTrue(session.ReadPreview(buffer).HasFrame);
        using (var control = V4l2Camera.Open(KernelRig.UnpluggableCamera))
        {
            control.SetControl(KernelRig.VividDisconnect, 0);   // vivid unregisters the node, as a pulled USB camera
        }
        var frame = session.ReadPreview(buffer);
        Assert.AreEqual(CameraError.Unplugged, frame.Error, frame.ToString());
        Assert.AreEqual("摄像头已断开：请插好摄像头后重新打开拍照界面", frame.Message);
        Assert.AreEqual(CameraError.Unplugged, session.Failure);
        Assert.AreEqual(CameraError.Unplugged, (session.CaptureStill() as CaptureResult.Failed)?.Error, "the session stays failed");
        var whileGone = CameraSession.Open(new CameraOptions { DevicePath = KernelRig.UnpluggableCamera });
        Assert.AreEqual(CameraError.NoDevice, (whileGone as CameraOpenResult.Failed)?.Error, whileGone.ToString());
        session.Dispose();
        session.Dispose();

        // vivid registers the node again once its last handle is closed: the camera "plugged back in". A new session works.
        using var replugged = OpenSession(KernelRig.UnpluggableCamera);
        Assert.IsTrue(replugged.ReadPreview(buffer).HasFrame);
    }

    private void Save(string name, byte[] bytes)
    {
        var path = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), name);
        File.WriteAllBytes(path, bytes);
        TestContext.AddResultFile(path);
    }
}
