using System.Runtime.InteropServices;
using Terminal.Drivers.IdCard.Photo;

namespace Terminal.Drivers.IdCard.Tests.Protocol;

/// <summary>The vendor decoder is loaded at run time; without it the photo stays raw and the reason is plain.</summary>
[TestClass]
public sealed class WltDecoderTests
{
    [TestMethod]
    public void TryLoad_NoLibrary_SaysThePhotoIsKeptRaw()
    {
        var why = WltDecoder.TryLoad("/opt/idcard/lib/no-such-decoder.so", "wlt2bmp", out var decoder);
        Assert.IsNull(decoder);
        StringAssert.Contains(why, "本机未安装身份证照片解码库");
        StringAssert.Contains(why, "原始数据保存");
    }

    [TestMethod]
    public void TryLoad_LibraryWithoutTheFunction_NamesTheSettingToCheck()
    {
        // This process's own libc: where both are installed (the arm64 tier under qemu-user), the other
        // architecture's libc does not load at all, which is a different failure from the one tested here.
        var own = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "/lib/aarch64-linux-gnu/libc.so.6" : "/lib/x86_64-linux-gnu/libc.so.6";
        var libc = new[] { own, "/usr/lib/libc.so.6" }.FirstOrDefault(File.Exists);
        Assert.IsNotNull(libc, "no libc.so.6 found to stand in for a library without the decoder function");
        var why = WltDecoder.TryLoad(libc, "wlt2bmp_not_here", out var decoder);
        Assert.IsNull(decoder);
        StringAssert.Contains(why, "IdCardReader:WltFunction");
    }

    [TestMethod]
    public void TryLoad_NotALibrary_SaysItCannotBeLoaded()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not an ELF file");
        var why = WltDecoder.TryLoad(path, "wlt2bmp", out var decoder);
        Assert.IsNull(decoder);
        StringAssert.Contains(why, "无法加载");
    }
}
