using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Simulator;

/// <summary>
/// One card of a simulator deck (JSON, see hardware-docs/idcard/sample-deck.json). The chip photo of a simulated
/// card is 1,024 stand-in bytes derived from its number: real WLT data comes only from real cards.
/// </summary>
public sealed class SimulatedCard
{
    /// <summary>ResidentIdCard, ResidencePermit, ForeignPermanentResident or ForeignPermanentResident2023.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<CardType>))]
    public CardType Type { get; set; } = CardType.ResidentIdCard;

    /// <summary>姓名 (for a foreigner: the Chinese name).</summary>
    public string Name { get; set; } = "";

    /// <summary>English name (foreigner card).</summary>
    public string? EnglishName { get; set; }

    /// <summary>"1" or "2".</summary>
    public string Sex { get; set; } = "1";

    /// <summary>GB/T 3304 code (resident card).</summary>
    public string? Nation { get; set; }

    /// <summary>Three-letter nationality (foreigner card).</summary>
    public string? Nationality { get; set; }

    /// <summary>YYYYMMDD.</summary>
    public string Birth { get; set; } = "";

    /// <summary>住址.</summary>
    public string? Address { get; set; }

    /// <summary>The card number.</summary>
    public string IdNumber { get; set; } = "";

    /// <summary>签发机关 (or the authority code of a foreigner card).</summary>
    public string? Authority { get; set; }

    /// <summary>YYYYMMDD.</summary>
    public string ValidFrom { get; set; } = "";

    /// <summary>YYYYMMDD or 长期.</summary>
    public string ValidUntil { get; set; } = "";

    /// <summary>通行证号码 (permit).</summary>
    public string? PassNumber { get; set; }

    /// <summary>签发次数 (permit).</summary>
    public string? IssueCount { get; set; }

    /// <summary>Card version (foreigner card).</summary>
    public string? Version { get; set; }

    /// <summary>追加住址, when the card has one.</summary>
    public string? AppendedAddress { get; set; }

    /// <summary>True when the card carries fingerprint templates.</summary>
    public bool Fingerprint { get; set; }

    /// <summary>The card's identity as the chip holds it.</summary>
    public CardIdentity ToIdentity() => new()
    {
        Type = Type, Name = Name, EnglishName = EnglishName, SexCode = Sex, NationCode = Nation, NationalityCode = Nationality,
        BirthDateText = Birth, Address = Address, IdNumber = IdNumber, IssuingAuthority = Authority,
        ValidFromText = ValidFrom, ValidUntilText = ValidUntil, PassNumber = PassNumber, IssueCount = IssueCount, CardVersion = Version,
    };

    /// <summary>The 256-byte text block.</summary>
    public byte[] Text() => CardText.Encode(ToIdentity());

    /// <summary>1,024 stand-in photo bytes, the same every time for the same card.</summary>
    public byte[] Photo() => StandIn("photo", CardData.PhotoLength);

    /// <summary>1,024 stand-in fingerprint bytes, or none.</summary>
    public byte[] FingerprintTemplates() => Fingerprint ? StandIn("fingerprint", 1024) : [];

    private byte[] StandIn(string what, int length)
    {
        var bytes = new byte[length];
        var seed = Encoding.UTF8.GetBytes(what + ":" + IdNumber);
        for (var block = 0; block * 32 < length; block++)
        {
            var hash = SHA256.HashData([.. seed, (byte)block]);
            hash.AsSpan(0, Math.Min(32, length - block * 32)).CopyTo(bytes.AsSpan(block * 32));
        }
        return bytes;
    }
}
