using System.Text.RegularExpressions;

namespace Terminal.Records.Identity;

/// <summary>
/// The number on a foreign permanent resident ID card (外国人永久居留身份证): since 2023 18 characters, "9" first,
/// then the GB 11643 layout with the same MOD 11-2 check character; the 2017 card has 15 characters, three
/// letters (the nationality) then 12 digits. Facts: idcard.md (card layouts).
/// </summary>
public static partial class ForeignPermanentResidentNumber
{
    /// <summary>True when the text has one of the two layouts (and, for 18 characters, a correct check character).</summary>
    public static bool IsValid(string? text)
    {
        var s = IdNumber.Normalize(text).ToUpperInvariant();
        if (s.Length == 15)
        {
            return OldLayout().IsMatch(s);
        }
        return s.Length == 18 && s[0] == '9' && s[..17].All(char.IsAsciiDigit)
            && IdNumber.ComputeCheckCharacter(s.AsSpan(0, 17)) == s[17];
    }

    [GeneratedRegex("^[A-Z]{3}[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex OldLayout();
}
