using System.Globalization;
using Terminal.Records.Categories;
using Terminal.Records.Codes;
using Terminal.Records.Forms;
using Terminal.Records.Model;

namespace Terminal.Host.Reports.Data;

/// <summary>
/// Counts records into a <see cref="CollectionReportData"/>: the host can feed it the district's current record
/// versions one by one (or count in SQL and fill the data itself). One record counts as one subject; names come from
/// the national code tables of the record model (categories, GB/T 2260 streets, the district's collection points,
/// GB/T 3304 ethnic groups from the form's code list, the form's appeal topics).
/// </summary>
public sealed class ReportCounts
{
    private readonly string _district;
    private readonly DateOnly _referenceDate;
    private readonly long[] _categories = new long[13];
    private readonly Dictionary<string, long> _streets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _ages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _appeals = new(StringComparer.Ordinal);
    private long _subjects;
    private long _withAppeals;

    /// <summary>Counts for the district with this county code ("650105").</summary>
    public ReportCounts(string districtCode, DateOnly? referenceDate = null)
    {
        ArgumentNullException.ThrowIfNull(districtCode);
        _district = districtCode;
        _referenceDate = referenceDate ?? FormDefinitions.Current.ReferenceDate;
    }

    /// <summary>Code used for a record without a street or ethnic group.</summary>
    public const string NotGiven = "";

    /// <summary>Counts one record (the current version of one subject).</summary>
    public void Add(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _subjects++;
        foreach (var category in record.Categories.Members())
        {
            _categories[(int)category]++;
        }
        Bump(_streets, record.Text("personal.street") ?? NotGiven);
        Bump(_points, record.CollectionPointCode);
        Bump(_nations, record.Text("identity.nation") ?? NotGiven);
        DateOnly? birth = DateOnly.TryParseExact(record.Text("identity.birthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : null;
        Bump(_ages, AgeBands.CodeOf(birth, _referenceDate));
        var topics = record.Text("appeals.topics");
        if (topics is not null)
        {
            _withAppeals++;
            foreach (var topic in topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Bump(_appeals, topic);
            }
        }
    }

    /// <summary>The report data of what was counted, with <paramref name="quality"/> from the host's queues.</summary>
    public CollectionReportData ToReportData(DateOnly asOf, QualityFigures quality)
    {
        var form = FormDefinitions.Current;
        var nations = form.CodeLists["nation"].Codes;
        var appeals = form.CodeLists["appealTopic"].Codes;
        var streets = AdministrativeDivisions.StreetsOf(_district);
        var points = CollectionPoints.Of(_district);
        return new CollectionReportData
        {
            DistrictCode = _district,
            DistrictName = AdministrativeDivisions.FullName(_district),
            AsOf = asOf,
            ReferenceDate = _referenceDate,
            Subjects = _subjects,
            SubjectsWithAppeals = _withAppeals,
            Quality = quality,
            ByCategory = [.. Enumerable.Range(1, 12).Select(n => new CountRow(n.ToString(CultureInfo.InvariantCulture), CategoryNames.Name((Category)n), _categories[n]))],
            // every current street of the district, then any code the records hold that the table does not list
            ByStreet = Table(_streets, streets.Where(s => s.Current).Select(s => (s.Code, s.Name)), all: true),
            ByCollectionPoint = Table(_points, points.Select(p => (p.Code, p.Name)), all: true),
            ByEthnicGroup = Table(_nations, nations.Select(c => (c.Code, c.Name)), all: false),
            ByAgeBand = Table(_ages, AgeBands.All.Where(a => a.Code != "9" || _ages.ContainsKey("9")), all: true),
            ByAppealTopic = Table(_appeals, appeals.Select(c => (c.Code, c.Name)), all: true),
        };
    }

    private static void Bump(Dictionary<string, long> counts, string code) =>
        counts[code] = counts.GetValueOrDefault(code) + 1;

    /// <summary>Rows in the table's order (all of its codes, or only those counted), then codes outside the table.</summary>
    private static List<CountRow> Table(Dictionary<string, long> counts, IEnumerable<(string Code, string Name)> table, bool all)
    {
        var rows = new List<CountRow>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, name) in table)
        {
            listed.Add(code);
            var n = counts.GetValueOrDefault(code);
            if (all || n > 0)
            {
                rows.Add(new CountRow(code, name, n));
            }
        }
        foreach (var (code, n) in counts.Where(c => !listed.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            rows.Add(new CountRow(code, code.Length == 0 ? "未填写" : UnlistedName(code), n));
        }
        return rows;
    }

    private static string UnlistedName(string code) =>
        AdministrativeDivisions.TryGetArea(code, out var area) ? $"{area.Name}（已撤销或不属本区）" : $"代码“{code}”不在代码表中";
}
