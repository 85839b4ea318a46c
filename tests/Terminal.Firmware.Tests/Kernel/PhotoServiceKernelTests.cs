using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Firmware.Photos;
using Terminal.Firmware.Tests.Collection;
using Terminal.Records.Model;
using Terminal.Records.Rules;

namespace Terminal.Firmware.Tests.Kernel;

/// <summary>
/// The app's photo service against vivid in a real kernel (tests/rig/kernel-tier.sh): the V4L2 camera named on the
/// page, live preview frames, and a personal photo captured, normalised and attached to a draft. Anywhere else the
/// tests fail saying they need the rig (./test runs them there and leaves them out on the host).
/// </summary>
[TestClass]
[TestCategory("Kernel")]
[DoNotParallelize]
public sealed class PhotoServiceKernelTests
{
    private const string Camera = "/dev/video0";

    [TestMethod]
    public void CaptureAndPreview_Vivid_PreviewFramesAndAPersonalPhotoWithinTheLimits()
    {
        if (Environment.GetEnvironmentVariable("TERMINAL_KERNEL_RIG") != "1" || !File.Exists(Camera))
        {
            Assert.Fail($"needs the kernel rig (tests/rig/kernel-tier.sh): no {Camera}");
        }
        using var f = new AppStoreFixture(o => o with { DemoCamera = false, Camera = new() { DevicePath = Camera, Width = 1280, Height = 720, WarmUpFrames = 2 } });
        using var photos = new PhotoService(f.State, f.Options, NullLogger<PhotoService>.Instance);
        var first = photos.Preview();
        Assert.IsNotNull(first, photos.State);
        Assert.IsTrue(PhotoLimits.IsJpeg(first));
        Assert.IsNotNull(photos.Preview(), photos.State);
        StringAssert.Contains(photos.CameraName, "摄像头 /dev/video0");
        Assert.IsFalse(photos.IsDemo);
        Assert.DoesNotContain("演示", photos.CameraName);
        var photo = photos.Capture(f.RecordId, PhotoKind.PersonalPhoto, null, null);
        Assert.IsLessThanOrEqualTo(PhotoLimits.MaxBytes(PhotoKind.PersonalPhoto), photo.Length);
        Assert.AreEqual(3.0 / 4.0, photo.Width / (double)photo.Height, 0.01);
        Assert.IsNull(PhotoLimits.Check(PhotoKind.PersonalPhoto, f.Store.LoadPhoto(f.RecordId, photo.Sha256)));
        Assert.AreEqual(photo, f.Record.Photos.Single());
    }
}
