using System.Collections.Frozen;

namespace Terminal.Records.Codes;

/// <summary>
/// The collection points (采集点) of a district and the streets each serves, as the district's plan sets them.
/// Shuimogou (650105), seed 000 §七(一): eight points ("设置七个集中采集点" in §六(二) says seven, §七(一) lists eight;
/// the list is followed). Data: Codes/collection-points-650105.csv; street codes from gbt2260.csv.
/// </summary>
public static class CollectionPoints
{
    private static readonly Lazy<FrozenDictionary<string, IReadOnlyList<CollectionPointDefinition>>> ByDistrict = new(Load);

    /// <summary>The points of a district (county code), in code order; empty when none are on file.</summary>
    public static IReadOnlyList<CollectionPointDefinition> Of(string districtCode) =>
        ByDistrict.Value.TryGetValue(districtCode, out var points) ? points : [];

    private static FrozenDictionary<string, IReadOnlyList<CollectionPointDefinition>> Load()
    {
        var assembly = typeof(CollectionPoints).Assembly;
        var districts = new Dictionary<string, IReadOnlyList<CollectionPointDefinition>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Terminal.Records.Codes.collection-points-", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var district = name["Terminal.Records.Codes.collection-points-".Length..^".csv".Length];
            var points = new List<CollectionPointDefinition>();
            reader.ReadLine();
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                var f = line.Split(',');
                if (f.Length != 3)
                {
                    throw new FormatException($"{name}: expected code,name,streets in \"{line}\"");
                }
                var streets = f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var street in streets)
                {
                    if (!AdministrativeDivisions.TryGetArea(street, out var area) || area.Level != AreaLevel.Street)
                    {
                        throw new FormatException($"{name}: {street} is not a street code of the GB/T 2260 table");
                    }
                }
                points.Add(new CollectionPointDefinition(f[0], f[1], streets));
            }
            districts[district] = points;
        }
        return districts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>A collection point: its code, name and the 9-digit codes of the streets it serves.</summary>
public sealed record CollectionPointDefinition(string Code, string Name, IReadOnlyList<string> Streets);
