using System.Text;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// The 256-byte text block of a card (UCS-2 little-endian, padded with spaces), decoded per card type, and
/// encoded back (for the simulator). Layouts from idcard.md §3.2–3.5 (offsets in bytes):
/// <code>
/// resident ID card:  name 0/30, sex 30/2, nation 32/4, birth 36/16, address 52/70, number 122/36,
///                    authority 158/30, valid from 188/16, valid until 204/16, reserved 220/36
/// permit ('J'):      as the resident card but 32/4 reserved; pass number 220/18, issue count 238/4, flag 248/2
/// foreigner ('I'):   English name 0/120, sex 120/2, number 122/30, nationality 152/6, Chinese name 158/30,
///                    valid from 188/16, valid until 204/16, birth 220/16, version 236/4, authority 240/8, flag 248/2
/// </code>
/// The type flag is text byte 248 with byte 249 zero. The 2023 foreigner card (flag 'Y') has a layout not
/// confirmed by any source found: it is recognised, not decoded (its identity must be typed from the card).
/// </summary>
public static class CardText
{
    /// <summary>Size of the text block.</summary>
    public const int Length = 256;

    private const int FlagOffset = 248;

    private static readonly TextField[] Resident =
    [
        new("name", 0, 30), new("sex", 30, 2), new("nation", 32, 4), new("birth", 36, 16), new("address", 52, 70),
        new("number", 122, 36), new("authority", 158, 30), new("validFrom", 188, 16), new("validUntil", 204, 16),
    ];

    private static readonly TextField[] Permit =
    [
        new("name", 0, 30), new("sex", 30, 2), new("birth", 36, 16), new("address", 52, 70),
        new("number", 122, 36), new("authority", 158, 30), new("validFrom", 188, 16), new("validUntil", 204, 16),
        new("passNumber", 220, 18), new("issueCount", 238, 4),
    ];

    private static readonly TextField[] Foreigner =
    [
        new("englishName", 0, 120), new("sex", 120, 2), new("number", 122, 30), new("nationality", 152, 6),
        new("name", 158, 30), new("validFrom", 188, 16), new("validUntil", 204, 16), new("birth", 220, 16),
        new("version", 236, 4), new("authority", 240, 8),
    ];

    /// <summary>The card type named by the flag at byte 248.</summary>
    public static CardType TypeOf(ReadOnlySpan<byte> text)
    {
        RequireLength(text);
        return (text[FlagOffset + 1], text[FlagOffset]) switch
        {
            (0, (byte)'J') => CardType.ResidencePermit,
            (0, (byte)'I') => CardType.ForeignPermanentResident,
            (0, (byte)'Y') => CardType.ForeignPermanentResident2023,
            _ => CardType.ResidentIdCard,
        };
    }

    /// <summary>Decodes a text block. Throws <see cref="SamProtocolException"/> only for a block of the wrong size.</summary>
    public static CardIdentity Decode(ReadOnlySpan<byte> text)
    {
        var type = TypeOf(text);
        if (type == CardType.ForeignPermanentResident2023)
        {
            return new CardIdentity
            {
                Type = type,
                Problems = ["新版（2023年）外国人永久居留身份证的芯片数据格式尚未核实，无法自动读取：请按证件手工录入"],
            };
        }
        var f = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in LayoutOf(type))
        {
            f[field.Name] = Encoding.Unicode.GetString(text.Slice(field.Offset, field.Length)).TrimEnd(' ', '\0');
        }
        var identity = new CardIdentity
        {
            Type = type,
            Name = f["name"],
            EnglishName = f.GetValueOrDefault("englishName"),
            SexCode = f["sex"],
            NationCode = f.GetValueOrDefault("nation"),
            NationalityCode = f.GetValueOrDefault("nationality"),
            BirthDateText = f["birth"],
            Address = f.GetValueOrDefault("address"),
            IdNumber = f["number"],
            IssuingAuthority = f["authority"],
            ValidFromText = f["validFrom"],
            ValidUntilText = f["validUntil"],
            PassNumber = f.GetValueOrDefault("passNumber"),
            IssueCount = f.GetValueOrDefault("issueCount"),
            CardVersion = f.GetValueOrDefault("version"),
        };
        return identity with { Problems = ProblemsOf(identity) };
    }

    /// <summary>Encodes an identity as a card's text block (what the simulator puts on its virtual cards).</summary>
    public static byte[] Encode(CardIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var text = new byte[Length];
        for (var i = 0; i < Length; i += 2)
        {
            text[i] = (byte)' ';
        }
        if (identity.Type == CardType.ForeignPermanentResident2023)
        {
            Put(text, new TextField("flag", FlagOffset, 2), "Y");
            return text;
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = identity.Name, ["englishName"] = identity.EnglishName, ["sex"] = identity.SexCode,
            ["nation"] = identity.NationCode, ["nationality"] = identity.NationalityCode, ["birth"] = identity.BirthDateText,
            ["address"] = identity.Address, ["number"] = identity.IdNumber, ["authority"] = identity.IssuingAuthority,
            ["validFrom"] = identity.ValidFromText, ["validUntil"] = identity.ValidUntilText,
            ["passNumber"] = identity.PassNumber, ["issueCount"] = identity.IssueCount, ["version"] = identity.CardVersion,
        };
        foreach (var field in LayoutOf(identity.Type))
        {
            Put(text, field, values[field.Name] ?? "");
        }
        switch (identity.Type)
        {
            case CardType.ResidencePermit: Put(text, new TextField("flag", FlagOffset, 2), "J"); break;
            case CardType.ForeignPermanentResident: Put(text, new TextField("flag", FlagOffset, 2), "I"); break;
            default: break;
        }
        return text;
    }

    private static TextField[] LayoutOf(CardType type) => type switch
    {
        CardType.ResidencePermit => Permit,
        CardType.ForeignPermanentResident => Foreigner,
        _ => Resident,
    };

    private static void Put(byte[] text, TextField field, string value)
    {
        var bytes = Encoding.Unicode.GetBytes(value);
        if (bytes.Length > field.Length)
        {
            throw new ArgumentException($"{field.Name} holds at most {field.Length / 2} UTF-16 units; \"{value}\" has {bytes.Length / 2}");
        }
        bytes.CopyTo(text, field.Offset);
        if (field.Name == "flag")
        {
            text[field.Offset + 1] = 0;
        }
    }

    private static List<string> ProblemsOf(CardIdentity id)
    {
        var problems = new List<string>();
        if (id.BirthDate is null)
        {
            problems.Add($"出生日期“{id.BirthDateText}”无法识别，请按证件核对");
        }
        if (id.ValidFrom is null)
        {
            problems.Add($"有效期限起始日期“{id.ValidFromText}”无法识别，请按证件核对");
        }
        if (id.ValidUntil is null && !id.IsLongTerm)
        {
            problems.Add($"有效期限截止日期“{id.ValidUntilText}”无法识别，请按证件核对");
        }
        if (id.NationCode is { } nation && !IsNationCode(nation))
        {
            problems.Add($"民族代码“{nation}”不在GB/T 3304中，请按证件选择民族");
        }
        return problems;
    }

    /// <summary>GB/T 3304: 01–56, plus 97 (其他) and 98 (外国血统中国籍人士).</summary>
    public static bool IsNationCode(string code) =>
        code.Length == 2 && code.All(char.IsAsciiDigit) && (code is "97" or "98" || (int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 56));

    private static void RequireLength(ReadOnlySpan<byte> text)
    {
        if (text.Length != Length)
        {
            throw new SamProtocolException($"card text must be {Length} bytes, got {text.Length}");
        }
    }

    private sealed record TextField(string Name, int Offset, int Length);
}
