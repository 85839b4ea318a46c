using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Terminal.Records.Codes;

namespace Terminal.Records.Identity;

/// <summary>
/// A citizen ID number (公民身份号码) by GB 11643-1999: 6-digit area code (GB/T 2260), 8-digit birth date,
/// 3-digit sequence (odd = male, even = female), and a check character by ISO 7064 MOD 11-2
/// (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; "10X98765432"). A 15-digit number (GB 11643-1989:
/// YYMMDD, no check character, issued only to people born in the 1900s) is upgraded to 18 digits by inserting
/// "19" and appending the check character. Facts and test vectors: codes.md §1.
/// </summary>
public sealed record IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1890, 1, 1);

    /// <summary>Province-level codes that exist on ID numbers but not in the NBS statistical table:
    /// 71 台湾省, 81 香港, 82 澳门 (GB/T 2260) and 83 (台湾居民居住证, GB 11643 as used for residence permits).</summary>
    private static readonly string[] ProvincesOutsideTable = ["71", "81", "82", "83"];

    private IdNumber(string value, DateOnly birthDate, string? legacy15)
    {
        Value = value;
        BirthDate = birthDate;
        Legacy15 = legacy15;
    }

    /// <summary>The 18-character number, upper-case X.</summary>
    public string Value { get; }

    /// <summary>Positions 1–6: the GB/T 2260 area code of first registration.</summary>
    public string AreaCode => Value[..6];

    /// <summary>Positions 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>From the parity of position 17.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The 15-digit number this was upgraded from, or null when it was given with 18.</summary>
    public string? Legacy15 { get; }

    /// <summary>The check character for the first 17 digits.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("the check character is computed over exactly 17 digits", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("the first 17 characters must be digits", nameof(first17));
            }
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Reads an ID number as a person might type it (spaces, full-width digits, lower-case x are accepted),
    /// checked as of <paramref name="asOf"/> (the collection date: a birth date after it is refused).
    /// </summary>
    public static bool TryParse(string? text, DateOnly asOf, [NotNullWhen(true)] out IdNumber? number, [NotNullWhen(false)] out IdNumberError? error)
    {
        number = null;
        var s = Normalize(text);
        var characters = s.EnumerateRunes().ToArray(); // count what a person sees, not UTF-16 halves
        error = characters.Length switch
        {
            0 => new(IdNumberProblem.Empty, "身份证号码：请填写18位公民身份号码"),
            18 or 15 => null,
            _ => new(IdNumberProblem.WrongLength, $"身份证号码：应为18位（旧证为15位），现在是{characters.Length}位，请核对"),
        };
        if (error is not null)
        {
            return false;
        }
        for (var i = 0; i < characters.Length; i++)
        {
            var lastOf18 = characters.Length == 18 && i == 17;
            var c = characters[i];
            if (!(c.IsAscii && char.IsAsciiDigit((char)c.Value)) && !(lastOf18 && c.Value == 'X'))
            {
                var rule = characters.Length == 18 ? "只有第18位可以是X" : "15位旧号码只有数字";
                error = new(IdNumberProblem.BadCharacter, $"身份证号码：第{i + 1}位“{c}”不是数字（{rule}），请核对");
                return false;
            }
        }
        string? legacy = null;
        if (s.Length == 15)
        {
            legacy = s;
            var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6, 9));
            s = first17 + ComputeCheckCharacter(first17);
        }
        else
        {
            var expected = ComputeCheckCharacter(s.AsSpan(0, 17));
            if (s[17] != expected)
            {
                error = new(IdNumberProblem.BadCheckDigit,
                    $"身份证号码：第18位校验码应为{expected}，现在是{s[17]}。号码中有错，请逐位核对");
                return false;
            }
        }
        var dateText = s.Substring(6, 8);
        if (!DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            var where = legacy is null ? "第7至14位" : "第7至12位";
            error = new(IdNumberProblem.BadBirthDate, $"身份证号码：{where}的出生日期{dateText}不是有效日期，请核对");
            return false;
        }
        if (birth > asOf)
        {
            error = new(IdNumberProblem.BirthDateInFuture,
                $"身份证号码：出生日期{birth:yyyy年M月d日}晚于{asOf:yyyy年M月d日}，请核对");
            return false;
        }
        if (birth < EarliestBirthDate)
        {
            error = new(IdNumberProblem.BirthDateTooEarly, $"身份证号码：出生日期{birth:yyyy年M月d日}早于1890年，请核对");
            return false;
        }
        var province = s[..2];
        if (!ProvincesOutsideTable.Contains(province) && !AdministrativeDivisions.IsKnownProvince(s[..6]))
        {
            error = new(IdNumberProblem.UnknownProvince, $"身份证号码：前两位“{province}”不是省级行政区划代码，请核对");
            return false;
        }
        number = new IdNumber(s, birth, legacy);
        return true;
    }

    /// <summary>True when positions 1–6 name a county-level area in the GB/T 2260 table (current or former).</summary>
    public bool AreaIsKnown => AdministrativeDivisions.TryGetArea(AreaCode, out _);

    /// <summary>The area's full name ("新疆维吾尔自治区乌鲁木齐市水磨沟区"), or what is known of it.</summary>
    public string AreaName => ProvincesOutsideTable.Contains(AreaCode[..2]) && !AreaIsKnown
        ? AreaCode[..2] switch { "71" => "台湾省", "81" => "香港特别行政区", "82" => "澳门特别行政区", _ => "台湾地区（居住证）" }
        : AdministrativeDivisions.FullName(AreaCode);

    /// <summary>Trims, drops spaces and hyphens, maps full-width characters to ASCII, and upper-cases x.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                sb.Append(c == 'x' ? 'X' : c);
            }
        }
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
