using Terminal.Records.Model;

namespace Terminal.Records.Rules;

/// <summary>
/// The photo limits of seed 001 §五(二) 照片标准要求: "1.身份证基准头像：大小：3K 以下，格式：JPG；2 身份证照片：大小：40K
/// 以下，格式：JPG；3 个人免冠近照：大小：300K 以下，格式：JPG；标准：肩部以上，头部占照片尺寸的三分之二以上…彩色". K is
/// read as 1,024 bytes. Certificate photos have no stated limit; they are held to the personal photo's 300 KB.
/// </summary>
public static class PhotoLimits
{
    /// <summary>The JPEG media type.</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>The media type of the chip's raw (WLT) photo.</summary>
    public const string Wlt = "application/x-wlt";

    /// <summary>The largest size allowed for a kind of photo, in bytes.</summary>
    public static long MaxBytes(PhotoKind kind) => kind switch
    {
        PhotoKind.ChipPhoto => 3 * 1024,
        PhotoKind.IdCardPhoto => 40 * 1024,
        PhotoKind.PersonalPhoto or PhotoKind.DocumentPhoto => 300 * 1024,
        PhotoKind.ChipPhotoRaw => 1024, // the chip's photo field is 1,024 bytes (idcard.md §4)
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown photo kind"),
    };

    /// <summary>The Chinese name of a kind of photo, as the seed names it.</summary>
    public static string Name(PhotoKind kind) => kind switch
    {
        PhotoKind.ChipPhoto => "身份证基准头像",
        PhotoKind.ChipPhotoRaw => "身份证芯片照片原始数据",
        PhotoKind.IdCardPhoto => "身份证照片",
        PhotoKind.PersonalPhoto => "个人免冠近照",
        PhotoKind.DocumentPhoto => "证件材料照片",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown photo kind"),
    };

    /// <summary>The media type a kind of photo must have.</summary>
    public static string MediaType(PhotoKind kind) => kind == PhotoKind.ChipPhotoRaw ? Wlt : Jpeg;

    /// <summary>
    /// Checks a photo's bytes before it is attached: a JPEG (starts FF D8 FF, ends FF D9) within the kind's size.
    /// Returns null when it passes, else the Chinese reason.
    /// </summary>
    public static string? Check(PhotoKind kind, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return $"{Name(kind)}：没有图像数据，请重新拍摄";
        }
        if (kind != PhotoKind.ChipPhotoRaw && !IsJpeg(bytes))
        {
            return $"{Name(kind)}：不是JPG格式，请重新拍摄或导入JPG照片";
        }
        var max = MaxBytes(kind);
        return bytes.Length > max ? $"{Name(kind)}：{KiB(bytes.Length)}，超过{KiB(max)}的上限，请压缩后重试" : null;
    }

    /// <summary>True for JPEG bytes: SOI marker FF D8 FF at the start, EOI FF D9 at the end.</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF && bytes[^2] == 0xFF && bytes[^1] == 0xD9;

    internal static string KiB(long bytes) => bytes % 1024 == 0 ? $"{bytes / 1024}KB" : $"{bytes / 1024.0:0.#}KB";
}
