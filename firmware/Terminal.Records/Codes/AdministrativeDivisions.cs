using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Terminal.Records.Codes;

/// <summary>
/// GB/T 2260 administrative-division lookup for the 地址码 (positions 1–6) of a citizen ID number, plus the streets
/// (9-digit township codes) of the districts served. Data: the embedded Codes/gbt2260.csv (see Codes/SOURCES.md).
/// </summary>
public static class AdministrativeDivisions
{
    private const string ResourceName = "Terminal.Records.Codes.gbt2260.csv";
    private const string Header = "code,name,level,current,note";

    private static readonly Lazy<Table> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Finds the row with exactly this 6- or 9-digit code; false for unknown or malformed codes.</summary>
    public static bool TryGetArea(string code, [NotNullWhen(true)] out AdministrativeArea? area)
    {
        area = null;
        return code is not null && Data.Value.ByCode.TryGetValue(code, out area);
    }

    /// <summary>True when the code is 6 digits whose first two name a province (a row xx0000 exists).</summary>
    public static bool IsKnownProvince(string areaCode6)
    {
        ArgumentNullException.ThrowIfNull(areaCode6);
        return Is6Digits(areaCode6) && Data.Value.ByCode.ContainsKey(string.Concat(areaCode6.AsSpan(0, 2), "0000"));
    }

    /// <summary>Province + prefecture + county name (placeholders such as 市辖区 skipped), as much as is known; throws <see cref="ArgumentException"/> unless 6 digits.</summary>
    public static string FullName(string areaCode6)
    {
        Require6Digits(areaCode6);
        var byCode = Data.Value.ByCode;
        var name = new StringBuilder();
        string? prefectureName = null;
        if (byCode.TryGetValue(string.Concat(areaCode6.AsSpan(0, 2), "0000"), out var province))
        {
            name.Append(province.Name);
        }
        if (!areaCode6.EndsWith("0000", StringComparison.Ordinal)
            && byCode.TryGetValue(string.Concat(areaCode6.AsSpan(0, 4), "00"), out var prefecture)
            && !IsPlaceholder(prefecture.Name))
        {
            prefectureName = prefecture.Name;
            name.Append(prefecture.Name);
        }
        if (!areaCode6.EndsWith("00", StringComparison.Ordinal)
            && byCode.TryGetValue(areaCode6, out var county)
            && !string.Equals(county.Name, prefectureName, StringComparison.Ordinal))
        {
            name.Append(county.Name);
        }
        return name.ToString();
    }

    /// <summary>The street rows (9-digit codes) under a county, in code order; empty when none are on file; throws unless 6 digits.</summary>
    public static IReadOnlyList<AdministrativeArea> StreetsOf(string countyCode6)
    {
        Require6Digits(countyCode6);
        return Data.Value.Streets.TryGetValue(countyCode6, out var streets) ? streets : [];
    }

    /// <summary>Names that stand for a grouping rather than a real prefecture (市辖区, 县, 省直辖县级行政区划 …).</summary>
    private static bool IsPlaceholder(string name) =>
        name is "市辖区" or "县" || name.EndsWith("直辖县级行政区划", StringComparison.Ordinal);

    private static bool Is6Digits(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    private static void Require6Digits(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!Is6Digits(code))
        {
            throw new ArgumentException($"行政区划代码必须是 6 位数字：“{code}”", nameof(code));
        }
    }

    private static Table Load()
    {
        var assembly = typeof(AdministrativeDivisions).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        if (!string.Equals(reader.ReadLine(), Header, StringComparison.Ordinal))
        {
            throw new FormatException($"{ResourceName}: the first line must be “{Header}”");
        }
        var rows = new Dictionary<string, AdministrativeArea>(StringComparer.Ordinal);
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var area = ParseRow(line, lineNumber);
            if (!rows.TryAdd(area.Code, area))
            {
                throw new FormatException($"{ResourceName} line {lineNumber}: duplicate code {area.Code}");
            }
        }
        var streets = rows.Values
            .Where(a => a.Level == AreaLevel.Street)
            .GroupBy(a => a.Code[..6], StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => (IReadOnlyList<AdministrativeArea>)g.OrderBy(a => a.Code, StringComparer.Ordinal).ToArray().AsReadOnly(),
                StringComparer.Ordinal);
        return new Table(rows.ToFrozenDictionary(StringComparer.Ordinal), streets);
    }

    private static AdministrativeArea ParseRow(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 5)
        {
            throw new FormatException($"{ResourceName} line {lineNumber}: expected 5 fields, found {fields.Length}");
        }
        var level = fields[2] switch
        {
            "province" => AreaLevel.Province,
            "prefecture" => AreaLevel.Prefecture,
            "county" => AreaLevel.County,
            "street" => AreaLevel.Street,
            _ => throw new FormatException($"{ResourceName} line {lineNumber}: unknown level “{fields[2]}”"),
        };
        var code = fields[0];
        var expectedLength = level == AreaLevel.Street ? 9 : 6;
        if (code.Length != expectedLength || !code.All(char.IsAsciiDigit) || fields[1].Length == 0)
        {
            throw new FormatException($"{ResourceName} line {lineNumber}: bad code or name “{code},{fields[1]}”");
        }
        var current = bool.Parse(fields[3]);
        return new AdministrativeArea(code, fields[1], level, current) { Note = fields[4] };
    }

    private sealed record Table(
        FrozenDictionary<string, AdministrativeArea> ByCode,
        FrozenDictionary<string, IReadOnlyList<AdministrativeArea>> Streets);
}
