using CsCheck;
using Terminal.Drivers.Camera.Photo;

namespace Terminal.Drivers.Camera.Tests.Photo;

[TestClass]
public sealed class JpegSizeSearchTests
{
    [TestMethod]
    public void BestQuality_FitsAtMax_TakesMaxWithOneEncode()
    {
        var calls = 0;
        Assert.AreEqual(90, JpegSizeSearch.BestQuality(q => { calls++; return q * 10; }, 1000, 10, 90));
        Assert.AreEqual(1, calls);
    }

    [TestMethod]
    public void BestQuality_TooLargeEvenAtMin_Null() =>
        Assert.IsNull(JpegSizeSearch.BestQuality(q => 5000 + q, 1000, 10, 90));

    [TestMethod]
    public void BestQuality_MonotoneSizes_HighestQualityThatFits()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[61, 100], Gen.Int[100, 100_000], Gen.Int[1, 500]).Sample((min, max, limit, slope) =>
        {
            int Size(int q) => 200 + q * slope;
            var best = JpegSizeSearch.BestQuality(Size, limit, min, max);
            return best is null
                ? Size(min) > limit
                : Size(best.Value) <= limit && (best == max || Size(best.Value + 1) > limit) && best >= min;
        });
    }

    [TestMethod]
    public void BestQuality_SevenEncodesAtMost()
    {
        var calls = 0;
        JpegSizeSearch.BestQuality(q => { calls++; return q * 100; }, 4_321, 10, 95);
        Assert.IsLessThanOrEqualTo(9, calls);
    }
}
