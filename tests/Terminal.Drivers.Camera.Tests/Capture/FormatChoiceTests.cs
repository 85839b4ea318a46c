using Terminal.Drivers.Camera.Capture;

namespace Terminal.Drivers.Camera.Tests.Capture;

[TestClass]
public sealed class FormatChoiceTests
{
    private static PixelFormatInfo Offer(FourCc format, bool emulated = false) => new(format, format.ToString(), format.IsJpeg, emulated);

    [TestMethod]
    public void Choose_UvcWebcamOffersYuyvAndMjpeg_TakesMjpeg() =>
        Assert.AreEqual(FourCc.Mjpeg, FormatChoice.Choose([Offer(FourCc.Yuyv), Offer(FourCc.Mjpeg)], preferYuyv: false));

    [TestMethod]
    public void Choose_VividOffersYuyvNoMjpeg_TakesYuyv() =>
        Assert.AreEqual(FourCc.Yuyv, FormatChoice.Choose([Offer(FourCc.Parse("UYVY")), Offer(FourCc.Yuyv), Offer(FourCc.Parse("NV12"))], preferYuyv: false));

    [TestMethod]
    public void Choose_JpegOnly_TakesJpeg() =>
        Assert.AreEqual(FourCc.Jpeg, FormatChoice.Choose([Offer(FourCc.Jpeg)], preferYuyv: false));

    [TestMethod]
    public void Choose_PreferYuyv_TakesYuyvOverMjpeg() =>
        Assert.AreEqual(FourCc.Yuyv, FormatChoice.Choose([Offer(FourCc.Mjpeg), Offer(FourCc.Yuyv)], preferYuyv: true));

    [TestMethod]
    public void Choose_EmulatedMjpegAndNativeYuyv_TakesNative() =>
        Assert.AreEqual(FourCc.Yuyv, FormatChoice.Choose([Offer(FourCc.Mjpeg, emulated: true), Offer(FourCc.Yuyv)], preferYuyv: false));

    [TestMethod]
    public void Choose_NeitherOffered_Null() =>
        Assert.IsNull(FormatChoice.Choose([Offer(FourCc.Parse("NV12")), Offer(FourCc.Parse("GREY"))], preferYuyv: false));

    [TestMethod]
    public void NearestSize_Offered_IsTaken() =>
        Assert.AreEqual(new FrameSize(1280, 720), FormatChoice.NearestSize([new(640, 360), new(1280, 720)], new FrameSize(1280, 720)));

    [TestMethod]
    public void NearestSize_NotOffered_TakesSmallestLarger() =>
        Assert.AreEqual(new FrameSize(1280, 720), FormatChoice.NearestSize([new(320, 180), new(1920, 1080), new(1280, 720)], new FrameSize(1024, 576)));

    [TestMethod]
    public void NearestSize_AllSmaller_TakesLargest() =>
        Assert.AreEqual(new FrameSize(640, 360), FormatChoice.NearestSize([new(320, 180), new(640, 360)], new FrameSize(1280, 720)));

    [TestMethod]
    public void NearestSize_NothingEnumerated_AsksForWanted() =>
        Assert.AreEqual(new FrameSize(1280, 720), FormatChoice.NearestSize([], new FrameSize(1280, 720)));
}
