namespace Terminal.Drivers.Camera.Photo;

/// <summary>The kinds of photo the plans name (seed 001 §五(二)); the record model uses the same names.</summary>
public enum PhotoKind
{
    /// <summary>身份证基准头像: the chip's head photo, JPG ≤ 3 KB.</summary>
    ChipPhoto,

    /// <summary>身份证照片: a photo of the ID card, JPG ≤ 40 KB.</summary>
    IdCardPhoto,

    /// <summary>个人免冠近照: the subject, shoulders up, colour, JPG ≤ 300 KB.</summary>
    PersonalPhoto,

    /// <summary>证件材料照片: certificates and other papers (烈士证明书、退伍证…), JPG ≤ 300 KB.</summary>
    DocumentPhoto,
}
