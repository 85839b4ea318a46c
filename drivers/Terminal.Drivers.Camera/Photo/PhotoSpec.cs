namespace Terminal.Drivers.Camera.Photo;

/// <summary>
/// What a normalised photo of one kind must be. The byte limits are the plans' (seed 001 §五(二): 3K, 40K, 300K,
/// K read as 1,024 bytes) and equal those of the record model (firmware/Terminal.Records/Rules/PhotoLimits.cs),
/// which this driver does not reference; a test pins the numbers.
/// </summary>
/// <param name="Kind">The kind of photo.</param>
/// <param name="MaxBytes">The largest JPEG allowed, in bytes.</param>
/// <param name="MaxWidth">The largest width kept (larger images are scaled down, smaller ones never up).</param>
/// <param name="MaxHeight">The largest height kept.</param>
/// <param name="AspectRatio">Width ÷ height of the crop, or null to keep the framing (or the whole image) as it is.</param>
/// <param name="MinQuality">The lowest JPEG quality tried before the image is scaled down instead.</param>
/// <param name="MaxQuality">The JPEG quality used when the photo fits at it.</param>
/// <param name="CheckQuality">Reject photos that are too dark or too blurred (camera photos; not the chip's photo).</param>
public sealed record PhotoSpec(
    PhotoKind Kind, int MaxBytes, int MaxWidth, int MaxHeight, double? AspectRatio, int MinQuality, int MaxQuality, bool CheckQuality)
{
    /// <summary>3 KB: 身份证基准头像.</summary>
    public const int ChipPhotoMaxBytes = 3 * 1024;

    /// <summary>40 KB: 身份证照片.</summary>
    public const int IdCardPhotoMaxBytes = 40 * 1024;

    /// <summary>300 KB: 个人免冠近照, and certificate photos (which the plans give no limit of their own).</summary>
    public const int PersonalPhotoMaxBytes = 300 * 1024;

    /// <summary>The specification of <paramref name="kind"/>.</summary>
    public static PhotoSpec For(PhotoKind kind) => kind switch
    {
        // The chip photo is 102×126 (idcard.md §4): kept at that size, quality lowered before the size is.
        PhotoKind.ChipPhoto => new(kind, ChipPhotoMaxBytes, 102, 126, 102.0 / 126.0, 10, 90, false),
        PhotoKind.IdCardPhoto => new(kind, IdCardPhotoMaxBytes, 1024, 1024, null, 30, 90, true),
        // Portrait 3:4, shoulders up (the framing the operator lines up on the preview), 600×800 at most.
        PhotoKind.PersonalPhoto => new(kind, PersonalPhotoMaxBytes, 600, 800, 3.0 / 4.0, 40, 92, true),
        PhotoKind.DocumentPhoto => new(kind, PersonalPhotoMaxBytes, 1600, 1600, null, 40, 90, true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown photo kind"),
    };

    /// <summary>The Chinese name of the kind, as the plans name it.</summary>
    public string Name => Kind switch
    {
        PhotoKind.ChipPhoto => "身份证基准头像",
        PhotoKind.IdCardPhoto => "身份证照片",
        PhotoKind.PersonalPhoto => "个人免冠近照",
        PhotoKind.DocumentPhoto => "证件材料照片",
        _ => Kind.ToString(),
    };
}
