using CsCheck;
using SkiaSharp;
using Terminal.Drivers.Camera.Photo;

namespace Terminal.Drivers.Camera.Tests.Photo;

[TestClass]
public sealed class PhotoCropTests
{
    [TestMethod]
    public void For_NoFramingNoAspect_WholeImage() =>
        Assert.AreEqual(SKRectI.Create(0, 0, 1280, 720), PhotoCrop.For(1280, 720, null, null));

    [TestMethod]
    public void For_NoFramingPortraitAspect_CentredThreeByFourOfFullHeight() =>
        Assert.AreEqual(SKRectI.Create(370, 0, 540, 720), PhotoCrop.For(1280, 720, null, 0.75));

    [TestMethod]
    public void For_FramingAlreadyThreeByFour_KeptExactly() =>
        Assert.AreEqual(SKRectI.Create(490, 60, 300, 400), PhotoCrop.For(1280, 720, new FramingRectangle(490 / 1280.0, 60 / 720.0, 300 / 1280.0, 400 / 720.0), 0.75));

    [TestMethod]
    public void For_FramingTooNarrow_WidenedAboutItsCentre()
    {
        var crop = PhotoCrop.For(1000, 1000, new FramingRectangle(0.4, 0.2, 0.1, 0.4), 0.75);
        Assert.AreEqual(SKRectI.Create(300, 200, 300, 400), crop);
    }

    [TestMethod]
    public void For_FramingAtEdge_MovedInsideImage()
    {
        var crop = PhotoCrop.For(1000, 1000, new FramingRectangle(0.0, 0.0, 0.1, 0.4), 0.75);
        Assert.AreEqual(SKRectI.Create(0, 0, 300, 400), crop);
    }

    [TestMethod]
    public void For_AspectLargerThanImageAllows_ShrunkToFit()
    {
        var crop = PhotoCrop.For(400, 300, new FramingRectangle(0, 0, 1, 1), 0.75);
        Assert.AreEqual(SKRectI.Create(88, 0, 225, 300), crop);
    }

    [TestMethod]
    public void For_AnySizeFramingAndAspect_InsideTheImage()
    {
        Gen.Select(Gen.Int[1, 4000], Gen.Int[1, 4000], Gen.Double[0.2, 3], Gen.Double[0, 1], Gen.Double[0, 1]).Sample((w, h, aspect, fx, fy) =>
        {
            var framing = new FramingRectangle(fx * 0.5, fy * 0.5, 0.5, 0.5);
            var crop = PhotoCrop.For(w, h, framing, aspect);
            return crop.Left >= 0 && crop.Top >= 0 && crop.Right <= w && crop.Bottom <= h && crop.Width >= 1 && crop.Height >= 1;
        });
    }

    [TestMethod]
    public void For_InvalidFraming_Ignored() =>
        Assert.AreEqual(SKRectI.Create(0, 0, 640, 360), PhotoCrop.For(640, 360, new FramingRectangle(0.8, 0, 0.5, 1), null));

    [TestMethod]
    public void PortraitOn16By9_IsThreeByFourOnA16By9Image()
    {
        var crop = PhotoCrop.For(1280, 720, FramingRectangle.PortraitOn16By9, null);
        Assert.AreEqual(0.75, (double)crop.Width / crop.Height, 0.01);
        Assert.AreEqual(640, crop.MidX, 1);
    }

    [TestMethod]
    [DataRow(1280, 720, 600, 800, 600, 338)]
    [DataRow(480, 640, 600, 800, 480, 640)]
    [DataRow(300, 400, 102, 126, 95, 126)]
    public void Fit_Size_KeepsShapeNeverEnlarges(int w, int h, int maxW, int maxH, int fitW, int fitH) =>
        Assert.AreEqual(new SKSizeI(fitW, fitH), PhotoCrop.Fit(w, h, maxW, maxH));
}
