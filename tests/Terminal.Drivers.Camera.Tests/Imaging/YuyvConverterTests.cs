using CsCheck;
using Terminal.Drivers.Camera.Imaging;

namespace Terminal.Drivers.Camera.Tests.Imaging;

[TestClass]
public sealed class YuyvConverterTests
{
    [TestMethod]
    [DataRow(235, 128, 128, 255, 255, 255)]   // white
    [DataRow(16, 128, 128, 0, 0, 0)]          // black
    [DataRow(126, 128, 128, 128, 128, 128)]   // mid grey
    [DataRow(81, 90, 240, 255, 0, 0)]         // red (BT.601 limited)
    [DataRow(145, 54, 34, 0, 255, 0)]         // green
    [DataRow(41, 240, 110, 0, 0, 255)]        // blue
    public void ToRgba_KnownColour_GivesItsRgb(int y, int u, int v, int r, int g, int b)
    {
        byte[] frame = [(byte)y, (byte)u, (byte)y, (byte)v];
        var rgba = new byte[8];
        YuyvConverter.ToRgba(frame, 2, 1, 4, rgba);
        for (var pixel = 0; pixel < 2; pixel++)
        {
            Assert.AreEqual(r, rgba[pixel * 4], 2, "R");
            Assert.AreEqual(g, rgba[pixel * 4 + 1], 2, "G");
            Assert.AreEqual(b, rgba[pixel * 4 + 2], 2, "B");
            Assert.AreEqual(255, rgba[pixel * 4 + 3], "A");
        }
    }

    [TestMethod]
    public void ToRgba_AnyColour_RoundTripsWithinTwoLevels()
    {
        Gen.Select(Gen.Int[0, 255], Gen.Int[0, 255], Gen.Int[0, 255]).Sample((r, g, b) =>
        {
            var frame = Yuyv.Solid(2, 1, 4, r, g, b);
            var rgba = new byte[8];
            YuyvConverter.ToRgba(frame, 2, 1, 4, rgba);
            return Math.Abs(rgba[0] - r) <= 2 && Math.Abs(rgba[1] - g) <= 2 && Math.Abs(rgba[2] - b) <= 2;
        });
    }

    [TestMethod]
    public void ToRgba_StrideWiderThanRow_SkipsPadding()
    {
        var frame = Yuyv.Solid(4, 3, 12, 200, 100, 50);
        var rgba = new byte[YuyvConverter.RgbaLength(4, 3, 1)];
        YuyvConverter.ToRgba(frame, 4, 3, 12, rgba);
        for (var i = 0; i < rgba.Length; i += 4)
        {
            Assert.AreEqual(200, rgba[i], 2);
            Assert.AreEqual(100, rgba[i + 1], 2);
            Assert.AreEqual(50, rgba[i + 2], 2);
        }
    }

    [TestMethod]
    public void ToRgba_ReductionTwo_HalvesBothSidesAndAveragesY()
    {
        // 4x2: left pair Y 100/200 (average 150), right pair Y 16/16; second row ignored.
        byte[] frame = [100, 128, 200, 128, 16, 128, 16, 128, 235, 128, 235, 128, 235, 128, 235, 128];
        var rgba = new byte[YuyvConverter.RgbaLength(4, 2, 2)];
        Assert.HasCount(8, rgba);
        YuyvConverter.ToRgba(frame, 4, 2, 8, rgba, reduction: 2);
        Assert.AreEqual((298 * (150 - 16) + 128) >> 8, rgba[0]);
        Assert.AreEqual(0, rgba[4]);
    }

    [TestMethod]
    public void ToRgba_OddWidth_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => YuyvConverter.ToRgba(new byte[12], 3, 2, 6, new byte[24]));

    [TestMethod]
    public void ToRgba_ShortFrame_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => YuyvConverter.ToRgba(new byte[10], 4, 2, 8, new byte[32]));

    [TestMethod]
    public void ToRgba_SmallOutput_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => YuyvConverter.ToRgba(new byte[16], 4, 2, 8, new byte[31]));

    [TestMethod]
    public void ToRgba_Reduction3_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => YuyvConverter.ToRgba(new byte[16], 4, 2, 8, new byte[32], 3));
}
