using Terminal.Records.Forms;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// What a card read puts into a record: the identity fields of the form (seed 001 §三(一) "基础身份信息…读取居民
/// 身份证自动生成"), each in its canonical text form, all with source "chip". A field the chip holds no valid value
/// for is left out (the worker types it); the card's <see cref="CardIdentity.Problems"/> say why.
/// </summary>
public static class CardIdentityFields
{
    /// <summary>The form's field values for a card, by field id.</summary>
    public static IReadOnlyDictionary<string, string> From(CardIdentity card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["identity.documentType"] = card.Type switch
            {
                CardType.ResidentIdCard => "1",
                CardType.ResidencePermit => "2",
                _ => "3",
            },
        };
        if (card.Type == CardType.ForeignPermanentResident2023)
        {
            return values;
        }
        Put(values, "identity.name", card.Name.Length > 0 ? card.Name : card.EnglishName);
        Put(values, "identity.sex", card.SexCode is "0" or "1" or "2" or "9" ? card.SexCode : null);
        Put(values, "identity.nation", card.NationCode is { } n && CardText.IsNationCode(n) ? n : null);
        Put(values, "identity.birthDate", card.BirthDate is { } birth ? FieldValueFormat.FormatDate(birth) : null);
        Put(values, "identity.address", card.AppendedAddress ?? card.Address); // the appended address is the newer one
        Put(values, "identity.idNumber", card.IdNumber);
        Put(values, "identity.issuingAuthority", card.IssuingAuthority);
        Put(values, "identity.validFrom", card.ValidFrom is { } from ? FieldValueFormat.FormatDate(from) : null);
        Put(values, "identity.validUntil", card.IsLongTerm ? FieldValueFormat.LongTerm : card.ValidUntil is { } until ? FieldValueFormat.FormatDate(until) : null);
        return values;
    }

    private static void Put(SortedDictionary<string, string> values, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[field] = value.Trim();
        }
    }
}
