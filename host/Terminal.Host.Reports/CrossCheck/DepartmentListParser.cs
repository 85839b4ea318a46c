using System.Globalization;
using Terminal.Records.Categories;
using Terminal.Records.Identity;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>
/// Parses a department's list through a column mapping, strictly: the mapped headings must be in the file, each
/// row must have as many cells as the heading, ID numbers must pass GB 11643 (15-digit numbers are upgraded to 18 by
/// the record model's <see cref="IdNumber"/>), dates must be dates, a category must be one of the twelve, no ID
/// number twice. Every problem is reported with its row and the reason in Chinese, and when there is any, nothing is
/// imported. Empty rows are skipped.
/// </summary>
public static class DepartmentListParser
{
    /// <summary>Most problems listed (a wholly wrong file would otherwise list every row).</summary>
    public const int MaxProblems = 200;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];
    private static readonly char[] CategorySeparators = ['、', ',', '，', ';', '；', ' ', '/'];

    /// <summary>Imports the table with the mapping; <paramref name="asOf"/> is the import date (no birth or death after it).</summary>
    public static ListImport Parse(ListTable table, ColumnMapping mapping, string fileName, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        var problems = mapping.Problems().Select(p => new RowProblem(1, null, p)).ToList();
        var index = new Dictionary<ListField, int>();
        foreach (var (field, heading) in mapping.Columns)
        {
            var at = -1;
            for (var i = 0; i < table.Headings.Count && at < 0; i++)
            {
                at = string.Equals(table.Headings[i].Trim(), heading.Trim(), StringComparison.Ordinal) ? i : -1;
            }
            if (at < 0)
            {
                problems.Add(new RowProblem(1, null, $"找不到列“{heading}”（对应“{ListFieldNames.Name(field)}”）：文件的列名为 {string.Join("、", table.Headings.Select(h => $"“{h}”"))}。请检查列对应关系或文件。"));
            }
            index[field] = at;
        }
        if (problems.Count > 0)
        {
            return new ListImport(null, problems);
        }

        var mapped = mapping.Columns.Values.Select(h => h.Trim()).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(table.CellProblems.Where(p => p.Column is not null && mapped.Contains(p.Column)));
        var damagedRows = problems.Select(p => p.Row).ToHashSet();
        var entries = new List<DepartmentEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (problems.Count >= MaxProblems)
            {
                problems.Add(new RowProblem(row.Number, null, $"问题超过{MaxProblems}处，后面的行未再检查：请先改正以上问题。"));
                break;
            }
            if (row.Cells.All(string.IsNullOrWhiteSpace) || damagedRows.Contains(row.Number))
            {
                continue;
            }
            if (row.Cells.Count != table.Headings.Count)
            {
                problems.Add(new RowProblem(row.Number, null, $"这一行有{row.Cells.Count}个单元格，列名行有{table.Headings.Count}个：请检查是否多了或少了逗号（含逗号的内容要加英文双引号）。"));
                continue;
            }
            var entry = ParseRow(row, index, mapping, asOf, problems);
            if (entry is null)
            {
                continue;
            }
            if (entry.IdNumber is { } id)
            {
                if (seen.TryGetValue(id.Value, out var first))
                {
                    problems.Add(new RowProblem(row.Number, mapping.Columns[ListField.IdNumber], $"身份证号码{id.Value}与第{first}行重复：一个人只能出现一次。"));
                    continue;
                }
                seen[id.Value] = row.Number;
            }
            entries.Add(entry);
        }
        return problems.Count > 0
            ? new ListImport(null, problems)
            : new ListImport(new DepartmentList(mapping.Department, fileName, entries), []);
    }

    private static DepartmentEntry? ParseRow(ListRow row, Dictionary<ListField, int> index, ColumnMapping mapping, DateOnly asOf, List<RowProblem> problems)
    {
        var before = problems.Count;
        string? Cell(ListField field) => index.TryGetValue(field, out var i) && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i].Trim() : null;
        void Problem(ListField field, string reason) => problems.Add(new RowProblem(row.Number, mapping.Columns[field], reason));

        var name = Cell(ListField.Name);
        if (name is null)
        {
            Problem(ListField.Name, "姓名是空的。");
        }
        else if (name.Length > 50)
        {
            Problem(ListField.Name, $"姓名有{name.Length}个字，超过50个字：可能不是姓名列。");
        }
        IdNumber? id = null;
        if (Cell(ListField.IdNumber) is { } idText)
        {
            if (IdNumber.TryParse(idText, asOf, out var parsed, out var error))
            {
                id = parsed;
            }
            else
            {
                Problem(ListField.IdNumber, $"“{idText}”不是有效的身份证号码（{error.Message.Replace("身份证号码：", "", StringComparison.Ordinal)}）。");
            }
        }
        var birth = Date(ListField.BirthDate);
        if (birth is { } b && id is { } i2 && b != i2.BirthDate)
        {
            Problem(ListField.BirthDate, $"出生日期{b:yyyy-MM-dd}与身份证号码中的{i2.BirthDate:yyyy-MM-dd}不一致。");
        }
        if (id is null && birth is null && problems.Count == before)
        {
            problems.Add(new RowProblem(row.Number, null, "身份证号码和出生日期都是空的：至少填写一项才能比对。"));
        }
        Sex? sex = null;
        if (Cell(ListField.Sex) is { } sexText)
        {
            sex = sexText switch
            {
                "男" or "男性" or "1" => Sex.Male,
                "女" or "女性" or "2" => Sex.Female,
                _ => null,
            };
            if (sex is null)
            {
                Problem(ListField.Sex, $"“{sexText}”不是性别：应为“男”或“女”（或代码1、2）。");
            }
        }
        CategorySet? categories = null;
        if (Cell(ListField.Category) is { } categoryText)
        {
            categories = Categories(categoryText, out var unknown);
            if (unknown is not null)
            {
                Problem(ListField.Category, $"“{unknown}”不是十二类对象之一：应为类别名称（如“退役士兵”）或编号1至12。");
            }
        }
        var death = Date(ListField.DeathDate);
        if (death is { } d && birth is { } bd && d < bd)
        {
            Problem(ListField.DeathDate, "死亡日期早于出生日期。");
        }
        if (problems.Count > before)
        {
            return null;
        }
        return new DepartmentEntry(row.Number, id, name!, birth ?? id?.BirthDate, sex, categories, Cell(ListField.Address), death);

        DateOnly? Date(ListField field)
        {
            if (Cell(field) is not { } text)
            {
                return null;
            }
            if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Problem(field, $"“{text}”不是日期：请写成如 1965-03-12 或 1965年3月12日。");
                return null;
            }
            var date = DateOnly.FromDateTime(parsed);
            if (date > asOf)
            {
                Problem(field, $"{date:yyyy-MM-dd}晚于今天（{asOf:yyyy-MM-dd}）。");
                return null;
            }
            return date;
        }
    }

    /// <summary>The categories named in a cell: names as the form prints them (with or without the number), or 1–12.</summary>
    private static CategorySet Categories(string text, out string? unknown)
    {
        unknown = null;
        var set = CategorySet.Empty;
        foreach (var part in text.Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bare = part.Trim('(', ')', '（', '）');
            Category? found = int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12
                ? (Category)n
                : Enum.GetValues<Category>().Cast<Category?>().FirstOrDefault(c => part.EndsWith(CategoryNames.Name(c!.Value), StringComparison.Ordinal));
            if (found is null)
            {
                unknown = part;
                return set;
            }
            set = set.With(found.Value);
        }
        return set;
    }
}
