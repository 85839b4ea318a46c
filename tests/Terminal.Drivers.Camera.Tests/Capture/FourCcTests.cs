using Terminal.Drivers.Camera.Capture;

namespace Terminal.Drivers.Camera.Tests.Capture;

[TestClass]
public sealed class FourCcTests
{
    [TestMethod]
    [DataRow("MJPG", 0x47504A4Du)]
    [DataRow("JPEG", 0x4745504Au)]
    [DataRow("YUYV", 0x56595559u)]
    public void Parse_Code_IsLittleEndianValueOfKernelHeader(string code, uint value)
    {
        Assert.AreEqual(value, FourCc.Parse(code).Value);
        Assert.AreEqual(code, new FourCc(value).ToString());
    }

    [TestMethod]
    public void IsJpeg_MjpegAndJpeg_TrueYuyvFalse()
    {
        Assert.IsTrue(FourCc.Mjpeg.IsJpeg);
        Assert.IsTrue(FourCc.Jpeg.IsJpeg);
        Assert.IsFalse(FourCc.Yuyv.IsJpeg);
    }

    [TestMethod]
    [DataRow("MJP")]
    [DataRow("MJPEG")]
    [DataRow("MJ\u00e9G")]
    public void Parse_NotFourAscii_Throws(string code) => Assert.ThrowsExactly<ArgumentException>(() => FourCc.Parse(code));

    [TestMethod]
    public void ToString_UnprintableByte_ShowsQuestionMark() => Assert.AreEqual("A?BC", new FourCc(0x43420141).ToString());
}
