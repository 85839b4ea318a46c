using Terminal.Drivers.Camera.Photo;

namespace Terminal.Drivers.Camera.Tests.Photo;

[TestClass]
public sealed class PhotoQualityTests
{
    [TestMethod]
    public void ToLuminance_PrimaryColours_Bt601Weights()
    {
        byte[] rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255];
        var luminance = new byte[4];
        PhotoQuality.ToLuminance(rgba, luminance);
        CollectionAssert.AreEqual(new byte[] { 76, 149, 28, 255 }, luminance);
    }

    [TestMethod]
    public void MeanLuminance_Values_IsTheirMean() => Assert.AreEqual(25.0, PhotoQuality.MeanLuminance([0, 50, 10, 40]));

    [TestMethod]
    public void LaplacianVariance_FlatImage_Zero() =>
        Assert.AreEqual(0.0, PhotoQuality.LaplacianVariance(Enumerable.Repeat((byte)120, 100).ToArray(), 10, 10));

    [TestMethod]
    public void LaplacianVariance_Checkerboard_FarAboveSmoothRamp()
    {
        var checker = new byte[16 * 16];
        var ramp = new byte[16 * 16];
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                checker[y * 16 + x] = (byte)((x + y) % 2 == 0 ? 0 : 255);
                ramp[y * 16 + x] = (byte)(x * 16);
            }
        }
        Assert.AreEqual(0.0, PhotoQuality.LaplacianVariance(ramp, 16, 16), 1e-9, "a linear ramp has no second derivative");
        Assert.IsGreaterThan(100_000.0, PhotoQuality.LaplacianVariance(checker, 16, 16));
    }

    [TestMethod]
    public void LaplacianVariance_TooSmall_Zero() => Assert.AreEqual(0.0, PhotoQuality.LaplacianVariance([1, 2, 3, 4], 2, 2));
}
