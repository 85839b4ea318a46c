using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;
using Terminal.Records.Forms;
using Terminal.Records.Identity;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Provisioning;

/// <summary>
/// The area's roster (初始数据, seed 000: "将现有数据采集终端设备植入初始数据") as a technician brings it: a UTF-8 CSV file
/// whose header names the columns. Two are required, 身份证号码 and 姓名; any other column is a field of the form
/// definition by its id (e.g. personal.enlistmentDate), whose values prefill the record. Documented in
/// hardware-docs/provisioning.md. A file with any bad line is refused whole, every bad line named with the reason.
/// </summary>
public static class RosterFile
{
    /// <summary>The column of the ID number.</summary>
    public const string IdNumberColumn = "身份证号码";

    /// <summary>The column of the name.</summary>
    public const string NameColumn = "姓名";

    /// <summary>Reads the roster; the entries when every line is good, else the problems (never both).</summary>
    public static (IReadOnlyList<InitialDataEntry> Entries, IReadOnlyList<RosterProblem> Problems) Read(TextReader text, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<RosterProblem>();
        var entries = new List<InitialDataEntry>();
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true });
        }
        catch (CsvMissingHeadersException)
        {
            return ([], [new RosterProblem(1, "文件是空的：第一行应为列名，至少包括“身份证号码”和“姓名”。")]);
        }
        using var reading = csv;
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().TrimStart('\uFEFF')).ToArray();
        foreach (var required in new[] { IdNumberColumn, NameColumn })
        {
            if (!columns.Contains(required))
            {
                problems.Add(new RosterProblem(1, $"缺少“{required}”列：第一行应为列名。"));
            }
        }
        var form = FormDefinitions.Current;
        foreach (var column in columns.Where(c => c is not IdNumberColumn and not NameColumn))
        {
            if (!form.TryGetField(column, out _))
            {
                problems.Add(new RosterProblem(1, $"列名“{column}”不是采集表的字段：请使用字段编号（见 hardware-docs/provisioning.md）。"));
            }
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = 1;
        while (csv.Read())
        {
            line++;
            if (csv.RowFieldCount != columns.Length)
            {
                problems.Add(new RosterProblem(line, $"这一行有{csv.RowFieldCount}列，第一行有{columns.Length}列：请检查是否多了或少了逗号。"));
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string id = "", name = "";
            for (var i = 0; i < columns.Length; i++)
            {
                var value = csv.GetString(i).Trim();
                switch (columns[i])
                {
                    case IdNumberColumn:
                        id = value;
                        break;
                    case NameColumn:
                        name = value;
                        break;
                    default:
                        if (value.Length > 0)
                        {
                            values[columns[i]] = value;
                        }
                        break;
                }
            }
            if (!IdNumber.TryParse(id, asOf, out var number, out var error))
            {
                problems.Add(new RosterProblem(line, error.Message));
                continue;
            }
            if (name.Length == 0)
            {
                problems.Add(new RosterProblem(line, "姓名为空。"));
                continue;
            }
            if (seen.TryGetValue(number.Value, out var first))
            {
                problems.Add(new RosterProblem(line, $"身份证号码与第{first}行重复。"));
                continue;
            }
            seen[number.Value] = line;
            entries.Add(new InitialDataEntry(number.Value, name, values));
        }
        return problems.Count > 0 ? ([], problems) : (entries, []);
    }

    /// <summary>Reads a roster file (UTF-8, with or without a byte order mark).</summary>
    public static (IReadOnlyList<InitialDataEntry> Entries, IReadOnlyList<RosterProblem> Problems) Read(string path, DateOnly asOf)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Read(reader, asOf);
        }
        catch (DecoderFallbackException)
        {
            return ([], [new RosterProblem(1, "文件不是 UTF-8 编码：请在表格软件中另存为“CSV UTF-8”后再导入。")]);
        }
    }
}
