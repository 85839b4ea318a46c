using System.Text;
using Sylvan.Data.Csv;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using Terminal.Records.Identity;

namespace Terminal.Host.Roster;

/// <summary>
/// The district's initial data (初始数据) as the host takes it for expected counts and the list of people not yet
/// seen: the roster CSV the technicians provision terminals with (hardware-docs/provisioning/README.md), of which
/// the host reads 身份证号码, 姓名 and personal.street (the street decides the collection point, seed 000 §七(一)).
/// Other columns are the terminals' prefill and are ignored here. A file with any bad line is refused whole.
/// </summary>
public static class RosterImport
{
    /// <summary>The street column (a field id of the form).</summary>
    public const string StreetColumn = "personal.street";

    /// <summary>The entries when every line is good, else the problems ("第N行：…"), never both.</summary>
    public static (IReadOnlyList<RosterEntry> Entries, IReadOnlyList<string> Problems) Read(TextReader text, string districtCode, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pointOfStreet = CollectionPoints.Of(districtCode).SelectMany(p => p.Streets.Select(s => (Street: s, p.Code))).ToDictionary(x => x.Street, x => x.Code, StringComparer.Ordinal);
        if (pointOfStreet.Count == 0)
        {
            return ([], [$"区县 {districtCode} 没有采集点设置（firmware/Terminal.Records/Codes/collection-points-{districtCode}.csv）"]);
        }
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true });
        }
        catch (CsvMissingHeadersException)
        {
            return ([], ["文件是空的：第一行应为列名，至少包括“身份证号码”“姓名”和“personal.street”"]);
        }
        using var reading = csv;
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().TrimStart('\uFEFF')).ToList();
        int id = columns.IndexOf("身份证号码"), name = columns.IndexOf("姓名"), street = columns.IndexOf(StreetColumn);
        var problems = new List<string>();
        foreach (var (index, column) in new[] { (id, "身份证号码"), (name, "姓名"), (street, StreetColumn) })
        {
            if (index < 0)
            {
                problems.Add($"第1行：缺少“{column}”列（区县主机按街道统计应采人数，必须有所属街道）");
            }
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }
        var entries = new List<RosterEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var line = 2; csv.Read(); line++)
        {
            if (csv.RowFieldCount != columns.Count)
            {
                problems.Add($"第{line}行：有{csv.RowFieldCount}列，第一行有{columns.Count}列，请检查是否多了或少了逗号");
                continue;
            }
            var streetCode = csv.GetString(street).Trim();
            var personName = csv.GetString(name).Trim();
            if (!IdNumber.TryParse(csv.GetString(id).Trim(), asOf, out var number, out var error))
            {
                problems.Add($"第{line}行：{error.Message}");
            }
            else if (personName.Length == 0)
            {
                problems.Add($"第{line}行：姓名为空");
            }
            else if (!pointOfStreet.TryGetValue(streetCode, out var point))
            {
                problems.Add($"第{line}行：所属街道“{streetCode}”不是本区县采集点负责的街道（应为 9 位街道代码，如 650105007）");
            }
            else if (seen.TryGetValue(number.Value, out var first))
            {
                problems.Add($"第{line}行：身份证号码与第{first}行重复");
            }
            else
            {
                seen[number.Value] = line;
                entries.Add(new RosterEntry(number.Value, personName, streetCode, point));
            }
        }
        return problems.Count > 0 ? ([], problems) : (entries, []);
    }

    /// <summary>Reads a roster file (UTF-8, with or without a byte order mark).</summary>
    public static (IReadOnlyList<RosterEntry> Entries, IReadOnlyList<string> Problems) Read(string path, string districtCode, DateOnly asOf)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Read(reader, districtCode, asOf);
        }
        catch (DecoderFallbackException)
        {
            return ([], ["文件不是 UTF-8 编码：请在表格软件中另存为“CSV UTF-8”后再导入"]);
        }
    }
}
