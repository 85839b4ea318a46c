namespace Terminal.Host.Reports.Data;

/// <summary>
/// The report's age bands: full years of age at the reference date (2018-10-01), in ten-year bands from 30 to 89,
/// with "30岁以下" and "90岁及以上" at the ends. Codes "1"–"8" in this order; "9" for a birth date not known.
/// </summary>
public static class AgeBands
{
    /// <summary>The bands as (code, name), in order.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("1", "30岁以下"), ("2", "30–39岁"), ("3", "40–49岁"), ("4", "50–59岁"),
        ("5", "60–69岁"), ("6", "70–79岁"), ("7", "80–89岁"), ("8", "90岁及以上"), ("9", "出生日期不详"),
    ];

    /// <summary>Full years of age on <paramref name="on"/>.</summary>
    public static int Age(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return on < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The band code of a birth date (null: not known) at <paramref name="referenceDate"/>.</summary>
    public static string CodeOf(DateOnly? birth, DateOnly referenceDate)
    {
        if (birth is not { } b)
        {
            return "9";
        }
        var age = Age(b, referenceDate);
        return age switch
        {
            < 30 => "1",
            >= 90 => "8",
            _ => ((age / 10) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
