namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// What a card's text says, decoded (UCS-2, padding removed). Fields a card type does not have are null.
/// Dates are kept both parsed and as printed on the chip, so a card with an unreadable date is still shown.
/// </summary>
public sealed record CardIdentity
{
    /// <summary>The card type.</summary>
    public required CardType Type { get; init; }

    /// <summary>姓名 (Chinese name; for a foreigner the Chinese name field, which may be empty).</summary>
    public string Name { get; init; } = "";

    /// <summary>English name (foreign permanent resident card).</summary>
    public string? EnglishName { get; init; }

    /// <summary>Sex code, GB/T 2261.1 ("1" male, "2" female).</summary>
    public string SexCode { get; init; } = "";

    /// <summary>Nation code, GB/T 3304 ("01".."56", "97", "98"); resident ID card only.</summary>
    public string? NationCode { get; init; }

    /// <summary>Nationality code (three letters) of a foreign permanent resident.</summary>
    public string? NationalityCode { get; init; }

    /// <summary>Birth date as the chip prints it (YYYYMMDD).</summary>
    public string BirthDateText { get; init; } = "";

    /// <summary>住址 (resident ID card and residence permit).</summary>
    public string? Address { get; init; }

    /// <summary>公民身份号码, or the permanent-residence card number.</summary>
    public string IdNumber { get; init; } = "";

    /// <summary>签发机关 (resident card, permit), or the accepting authority's code (foreigner card).</summary>
    public string? IssuingAuthority { get; init; }

    /// <summary>Start of validity as printed (YYYYMMDD).</summary>
    public string ValidFromText { get; init; } = "";

    /// <summary>End of validity as printed: YYYYMMDD or "长期".</summary>
    public string ValidUntilText { get; init; } = "";

    /// <summary>通行证号码 (residence permit).</summary>
    public string? PassNumber { get; init; }

    /// <summary>签发次数 (residence permit).</summary>
    public string? IssueCount { get; init; }

    /// <summary>Card version (foreigner card).</summary>
    public string? CardVersion { get; init; }

    /// <summary>The appended address (追加住址), when the card has one and it was read.</summary>
    public string? AppendedAddress { get; init; }

    /// <summary>The birth date, or null when the chip's text is not a date.</summary>
    public DateOnly? BirthDate => CardDates.Parse(BirthDateText);

    /// <summary>The start of validity, or null when not a date.</summary>
    public DateOnly? ValidFrom => CardDates.Parse(ValidFromText);

    /// <summary>The end of validity, or null when long-term or not a date.</summary>
    public DateOnly? ValidUntil => CardDates.Parse(ValidUntilText);

    /// <summary>True when the card is valid for life (有效期限 "长期").</summary>
    public bool IsLongTerm => ValidUntilText == CardDates.LongTerm;

    /// <summary>True when the card's validity ended before <paramref name="date"/> (the card is still read; the record flags it).</summary>
    public bool IsExpiredOn(DateOnly date) => ValidUntil is { } until && until < date;

    /// <summary>Chinese notes on what could not be decoded (empty for a normal card).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
