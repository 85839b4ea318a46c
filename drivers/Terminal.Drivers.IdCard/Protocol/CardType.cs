namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>The kinds of card a SAM reader reads, told apart by text byte 248 (idcard.md §3.3).</summary>
public enum CardType
{
    /// <summary>第二代居民身份证 (any flag other than I, J, Y).</summary>
    ResidentIdCard,
    /// <summary>港澳台居民居住证, flag 'J'.</summary>
    ResidencePermit,
    /// <summary>外国人永久居留身份证 (2017 card), flag 'I'.</summary>
    ForeignPermanentResident,
    /// <summary>外国人永久居留身份证 (2023 card), flag 'Y': its text layout is not confirmed, so it is not decoded.</summary>
    ForeignPermanentResident2023,
}
