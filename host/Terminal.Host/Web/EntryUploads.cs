using System.Security.Cryptography;
using SkiaSharp;
using Terminal.Drivers.Camera.Photo;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using PhotoKind = Terminal.Records.Model.PhotoKind;
using CameraKind = Terminal.Drivers.Camera.Photo.PhotoKind;
using Terminal.Records.Rules;

namespace Terminal.Host.Web;

/// <summary>
/// What the office entry page accepts as uploads. Photos (the subject's, of the ID card, of documents) go through
/// the terminal's <see cref="PhotoNormaliser"/>, so they meet the same limits with the same Chinese rejections. The
/// signed paper form's scan is accepted as an image only (JPEG or PNG), never a PDF: a PDF can carry scripts and
/// launch actions, and checking a PDF for them reliably needs a full PDF parser the host does not have, while every
/// scanner and phone gives an image; the image is decoded and re-encoded as JPEG, so nothing but pixels is stored.
/// </summary>
internal static class EntryUploads
{
    /// <summary>The largest file accepted (before normalising).</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The largest side of the stored scan (an A4 page at about 200 dpi).</summary>
    private const int ScanMaxSide = 2400;

    private static readonly PhotoNormaliser Normaliser = new();

    /// <summary>A photo of <paramref name="kind"/> from an uploaded file: the normalised photo, or the reason in Chinese.</summary>
    public static (PhotoBlob? Blob, PhotoReference? Reference, string? Problem) Photo(PhotoKind kind, string what, byte[] bytes)
    {
        if (Refusal(what, bytes) is { } refused)
        {
            return (null, null, refused);
        }
        if (!PhotoLimits.IsJpeg(bytes) && !IsPng(bytes))
        {
            return (null, null, $"{what}：不是 JPG 或 PNG 图片，请选择照片文件（.jpg）");
        }
        var camera = kind switch
        {
            PhotoKind.IdCardPhoto => CameraKind.IdCardPhoto,
            PhotoKind.PersonalPhoto => CameraKind.PersonalPhoto,
            PhotoKind.DocumentPhoto => CameraKind.DocumentPhoto,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an uploaded photo"),
        };
        return Normaliser.Normalise(bytes, camera) switch
        {
            PhotoResult.Accepted a => (Blob(a.Photo.Jpeg), new PhotoReference(kind, Sha(a.Photo.Jpeg), a.Photo.Jpeg.Length, PhotoLimits.Jpeg, a.Photo.Width, a.Photo.Height), null),
            var r => (null, null, $"{what}：{r.Message}"),
        };
    }

    /// <summary>The signed paper form's scan from an uploaded file (re-encoded as JPEG), or the reason in Chinese.</summary>
    public static (PhotoBlob? Blob, string? Problem) Scan(byte[] bytes)
    {
        const string What = "签字的采集表扫描件";
        if (Refusal(What, bytes) is { } refused)
        {
            return (null, refused);
        }
        if (bytes.AsSpan().StartsWith("%PDF"u8))
        {
            return (null, $"{What}：不接收 PDF 文件（PDF 可能带有脚本）。请上传扫描或拍照得到的图片（JPG 或 PNG）");
        }
        if (!PhotoLimits.IsJpeg(bytes) && !IsPng(bytes))
        {
            return (null, $"{What}：不是 JPG 或 PNG 图片。请上传扫描或拍照得到的图片");
        }
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || bitmap.Width < 400 || bitmap.Height < 400)
        {
            return (null, $"{What}：图片无法识别或太小（至少 400×400 像素），看不清签字。请重新扫描或拍照");
        }
        var scale = Math.Min(1.0, (double)ScanMaxSide / Math.Max(bitmap.Width, bitmap.Height));
        using var sized = scale < 1.0 ? bitmap.Resize(new SKImageInfo((int)(bitmap.Width * scale), (int)(bitmap.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear)) : null;
        using var image = SKImage.FromBitmap(sized ?? bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return (Blob(data.ToArray()), null);
    }

    /// <summary>A photo already accepted on this page (carried in the form between checks), verified again.</summary>
    public static (PhotoBlob Blob, PhotoReference Reference)? Carried(PhotoKind kind, string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
        if (kind == PhotoKind.ChipPhotoRaw)
        {
            return PhotoLimits.Check(kind, bytes) is null ? (Blob(bytes, PhotoLimits.Wlt), new PhotoReference(kind, Sha(bytes), bytes.Length, PhotoLimits.Wlt, 0, 0)) : null;
        }
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        return codec is null || PhotoLimits.Check(kind, bytes) is not null ? null
            : (Blob(bytes), new PhotoReference(kind, Sha(bytes), bytes.Length, PhotoLimits.Jpeg, codec.Info.Width, codec.Info.Height));
    }

    private static string? Refusal(string what, byte[] bytes) =>
        bytes.Length == 0 ? $"{what}：文件是空的，请重新选择"
        : bytes.Length > MaxUploadBytes ? $"{what}：文件太大（{bytes.Length / 1024 / 1024} MB），最大 {MaxUploadBytes / 1024 / 1024} MB。请换一张或降低分辨率后再上传"
        : null;

    private static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static PhotoBlob Blob(byte[] bytes, string mediaType = PhotoLimits.Jpeg) => new(Sha(bytes), mediaType, bytes);
}
