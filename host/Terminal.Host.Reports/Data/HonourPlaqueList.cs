using Terminal.Records.Codes;
using Terminal.Records.Model;

namespace Terminal.Host.Reports.Data;

/// <summary>
/// The households for the honour plaques per street (seed 000: "为退役军人和其他优抚对象家庭悬挂光荣牌作准备"): every
/// subject counts, grouped into households by street and address (the address compared without spaces and
/// punctuation, full-width digits folded), so two subjects at one address get one plaque.
/// </summary>
public static class HonourPlaqueList
{
    /// <summary>The street code used for records without one.</summary>
    public const string NoStreet = "";

    /// <summary>The households of these records (current versions), by street code, streets and addresses in order.</summary>
    public static IReadOnlyList<(string StreetCode, string StreetName, IReadOnlyList<HonourPlaqueHousehold> Households)> Of(IEnumerable<Record> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var streets = new SortedDictionary<string, Dictionary<string, (string Address, List<HonourPlaqueMember> Members)>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var street = record.Text("personal.street") ?? NoStreet;
            var address = record.Text("identity.address") ?? "（住址未填）";
            if (!streets.TryGetValue(street, out var households))
            {
                households = new(StringComparer.Ordinal);
                streets[street] = households;
            }
            var key = Addresses.Key(address);
            if (!households.TryGetValue(key, out var household))
            {
                household = (address, []);
                households[key] = household;
            }
            household.Members.Add(new HonourPlaqueMember(record.Text("identity.name") ?? "（姓名未填）", record.Categories, record.Text("personal.phone")));
        }
        return [.. streets.Select(s => (s.Key, StreetName(s.Key),
            (IReadOnlyList<HonourPlaqueHousehold>)[.. s.Value.Values
                .OrderBy(h => h.Address, StringComparer.Ordinal)
                .Select(h => new HonourPlaqueHousehold(s.Key, h.Address, h.Members))]))];
    }

    /// <summary>The street's name, "未填写街道" for none.</summary>
    public static string StreetName(string code) =>
        code.Length == 0 ? "未填写街道" : AdministrativeDivisions.TryGetArea(code, out var area) ? area.Name : code;
}
