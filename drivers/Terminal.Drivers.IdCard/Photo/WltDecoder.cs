using System.Runtime.InteropServices;

namespace Terminal.Drivers.IdCard.Photo;

/// <summary>
/// Decodes the chip photo through the reader vendor's licensed library, loaded at run time (hardware-docs/idcard,
/// "The chip photo"). No open-source WLT decoder exists, so without the vendor library the photo stays raw and
/// this says so plainly — an image is never invented. The library and function are settings because each vendor
/// names them differently; the assumed C signature is
/// <c>int f(const unsigned char* wlt1024, unsigned char* bmp38862, int flag)</c>, returning 1 on success
/// [a guess from vendor samples: confirm against the vendor's SDK header before deployment].
/// </summary>
public sealed unsafe class WltDecoder : IDisposable
{
    /// <summary>Size of the decoded BMP: 54-byte header + 126 rows × 308 bytes (idcard.md §4).</summary>
    public const int BitmapLength = 38862;

    private readonly nint _library;
    private readonly delegate* unmanaged[Cdecl]<byte*, byte*, int, int> _decode;

    private WltDecoder(nint library, nint function)
    {
        _library = library;
        _decode = (delegate* unmanaged[Cdecl]<byte*, byte*, int, int>)function;
    }

    /// <summary>The reason shown when no decoder could be loaded, or null when <paramref name="decoder"/> is ready.</summary>
    public static string? TryLoad(string libraryPath, string functionName, out WltDecoder? decoder)
    {
        decoder = null;
        if (string.IsNullOrWhiteSpace(libraryPath) || !File.Exists(libraryPath))
        {
            return $"本机未安装身份证照片解码库（{libraryPath}）：芯片照片已按原始数据保存，请另外拍摄本人免冠照片";
        }
        if (!NativeLibrary.TryLoad(libraryPath, out var library))
        {
            return $"身份证照片解码库 {libraryPath} 无法加载（可能与本机架构不符）：芯片照片已按原始数据保存，请联系技术人员";
        }
        if (!NativeLibrary.TryGetExport(library, functionName, out var function))
        {
            NativeLibrary.Free(library);
            return $"身份证照片解码库 {libraryPath} 中没有函数 {functionName}：请技术人员核对配置（IdCardReader:WltFunction）";
        }
        decoder = new WltDecoder(library, function);
        return null;
    }

    /// <summary>Decodes one 1,024-byte chip photo.</summary>
    public WltDecoding Decode(ReadOnlySpan<byte> wlt)
    {
        if (wlt.Length != 1024)
        {
            return new WltDecoding.Failed($"芯片照片数据应为1024字节，实际为{wlt.Length}字节");
        }
        var bitmap = new byte[BitmapLength];
        int result;
        fixed (byte* source = wlt)
        fixed (byte* target = bitmap)
        {
            result = _decode(source, target, 0);
        }
        return result == 1 && bitmap[0] == (byte)'B' && bitmap[1] == (byte)'M'
            ? new WltDecoding.Decoded(bitmap)
            : new WltDecoding.Failed($"身份证照片解码失败（返回值{result}）：芯片照片已按原始数据保存");
    }

    /// <inheritdoc/>
    public void Dispose() => NativeLibrary.Free(_library);
}
