using Terminal.Records.Model;
using Terminal.Records.Rules;

namespace Terminal.Records.Tests.Rules;

[TestClass]
public sealed class PhotoLimitsTests
{
    private static byte[] Jpeg(int length)
    {
        var bytes = new byte[length];
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[^2] = 0xFF; bytes[^1] = 0xD9;
        return bytes;
    }

    [TestMethod]
    [DataRow(PhotoKind.ChipPhoto, 3 * 1024)]
    [DataRow(PhotoKind.IdCardPhoto, 40 * 1024)]
    [DataRow(PhotoKind.PersonalPhoto, 300 * 1024)]
    [DataRow(PhotoKind.DocumentPhoto, 300 * 1024)]
    public void Check_AtTheLimit_PassesAndOneByteMore_Fails(PhotoKind kind, int limit)
    {
        Assert.IsNull(PhotoLimits.Check(kind, Jpeg(limit)));
        StringAssert.Contains(PhotoLimits.Check(kind, Jpeg(limit + 1)), "超过");
    }

    [TestMethod]
    public void Check_NotJpeg_SaysSo()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        StringAssert.Contains(PhotoLimits.Check(PhotoKind.PersonalPhoto, png), "不是JPG格式");
        StringAssert.Contains(PhotoLimits.Check(PhotoKind.PersonalPhoto, []), "没有图像数据");
    }

    [TestMethod]
    public void Check_RawChipPhoto_IsNotJpegButLimitedTo1024() =>
        Assert.IsNull(PhotoLimits.Check(PhotoKind.ChipPhotoRaw, new byte[1024]));
}
