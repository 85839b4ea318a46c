using SkiaSharp;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.Camera.Imaging;

namespace Terminal.Drivers.Camera.Tests.Imaging;

[TestClass]
public sealed class FrameJpegEncoderTests
{
    private static readonly CameraFormat Vga = new(FourCc.Yuyv, 640, 360, 1280, 640 * 360 * 2);

    [TestMethod]
    public void EncodeYuyv_SolidFrame_DecodesToSameColourAndSize()
    {
        using var encoder = new FrameJpegEncoder();
        var jpeg = encoder.EncodeYuyv(Yuyv.Solid(640, 360, 1280, 30, 160, 220), Vga, 85).ToArray();
        Assert.IsTrue(jpeg is [0xFF, 0xD8, 0xFF, ..] && jpeg[^2] == 0xFF && jpeg[^1] == 0xD9, "JPEG SOI … EOI");
        using var decoded = SKBitmap.Decode(jpeg);
        Assert.AreEqual(640, decoded.Width);
        Assert.AreEqual(360, decoded.Height);
        var pixel = decoded.GetPixel(320, 180);
        Assert.AreEqual(30, pixel.Red, 4);
        Assert.AreEqual(160, pixel.Green, 4);
        Assert.AreEqual(220, pixel.Blue, 4);
    }

    [TestMethod]
    public void EncodeYuyv_ReductionTwo_HalvesTheSize()
    {
        using var encoder = new FrameJpegEncoder();
        var jpeg = encoder.EncodeYuyv(Yuyv.Solid(640, 360, 1280, 128, 128, 128), Vga, 70, reduction: 2).ToArray();
        using var decoded = SKBitmap.Decode(jpeg);
        Assert.AreEqual(320, decoded.Width);
        Assert.AreEqual(180, decoded.Height);
    }

    [TestMethod]
    public void EncodeYuyv_RepeatedFrames_AllocatesNothingPerFrame()
    {
        using var encoder = new FrameJpegEncoder();
        var frame = Yuyv.Solid(640, 360, 1280, 90, 60, 200);
        for (var i = 0; i < 3; i++)
        {
            encoder.EncodeYuyv(frame, Vga, 70, 2);   // warm-up: buffers grow to the frame's size, JIT
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            encoder.EncodeYuyv(frame, Vga, 70, 2);
        }
        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / 20;
        Assert.IsLessThan(64, perFrame, $"managed bytes allocated per preview frame: {perFrame}");
    }

    [TestMethod]
    public void Dispose_Twice_IsHarmless()
    {
        var encoder = new FrameJpegEncoder();
        encoder.Dispose();
        encoder.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => encoder.EncodeYuyv(new byte[1280 * 360], Vga, 70));
    }
}
