using System.Globalization;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>Dates on the chip: YYYYMMDD, and "长期" for a card valid for life.</summary>
public static class CardDates
{
    /// <summary>The text of a long-term validity.</summary>
    public const string LongTerm = "长期";

    /// <summary>The date, or null when the text is not YYYYMMDD.</summary>
    public static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
