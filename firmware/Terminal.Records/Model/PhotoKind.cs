namespace Terminal.Records.Model;

/// <summary>The kinds of image a record holds (seed 001 §五(二) 照片标准要求).</summary>
public enum PhotoKind
{
    /// <summary>身份证基准头像: the chip's head photo as JPG, ≤ 3 KB.</summary>
    ChipPhoto,
    /// <summary>The chip's head photo exactly as read (WLT-compressed bytes), kept raw with its hash.</summary>
    ChipPhotoRaw,
    /// <summary>身份证照片: the ID card image, JPG ≤ 40 KB.</summary>
    IdCardPhoto,
    /// <summary>个人免冠近照: shoulders up, head ≥ 2/3, colour, JPG ≤ 300 KB.</summary>
    PersonalPhoto,
    /// <summary>A certificate or supporting material (户口薄, 转业证, 烈士证明书, 立功受奖…), JPG ≤ 300 KB.</summary>
    DocumentPhoto,
}
