namespace Terminal.Records.Codes;

/// <summary>The level of an administrative division in the GB/T 2260 / GB/T 10114 hierarchy.</summary>
public enum AreaLevel
{
    /// <summary>Province-level division (省级), code xx0000.</summary>
    Province,

    /// <summary>Prefecture-level division (地级), code xxxx00, including placeholders such as 市辖区.</summary>
    Prefecture,

    /// <summary>County-level division (县级), 6-digit code.</summary>
    County,

    /// <summary>Township-level division (乡级, here 街道), 9-digit code.</summary>
    Street,
}

/// <summary>One row of the embedded division table (Codes/gbt2260.csv).</summary>
/// <param name="Code">The 6-digit (province, prefecture, county) or 9-digit (street) code.</param>
/// <param name="Name">The name from the newest data in which the code appears.</param>
/// <param name="Level">The division level.</param>
/// <param name="Current">True when the code is in the newest statistical data; false for abolished or historical codes.</param>
public sealed record AdministrativeArea(string Code, string Name, AreaLevel Level, bool Current)
{
    /// <summary>A free-text remark from the table (e.g. "not in 2018 plan"); empty for most rows.</summary>
    public string Note { get; init; } = string.Empty;
}
