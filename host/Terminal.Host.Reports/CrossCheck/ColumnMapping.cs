using System.Text.Json;
using System.Text.Json.Serialization;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>
/// Which column of a department's list holds which field, by the column's heading, mapped once by office staff and
/// saved (<see cref="ToJson"/>, <see cref="ColumnMappingStore"/>) to be reused for the department's next list.
/// A mapping needs 姓名, and 身份证号码 or 出生日期 (the matcher's two ways in).
/// </summary>
public sealed record ColumnMapping
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whose list this maps.</summary>
    public required Department Department { get; init; }

    /// <summary>Field → the heading of its column in the file (compared without surrounding spaces).</summary>
    public required IReadOnlyDictionary<ListField, string> Columns { get; init; }

    /// <summary>The problems of the mapping itself, in Chinese (empty: usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Columns.ContainsKey(ListField.Name))
        {
            problems.Add("列对应关系中缺少“姓名”列：请指定名单中的姓名列。");
        }
        if (!Columns.ContainsKey(ListField.IdNumber) && !Columns.ContainsKey(ListField.BirthDate))
        {
            problems.Add("列对应关系中需要“身份证号码”列或“出生日期”列（至少一个），才能比对。");
        }
        foreach (var group in Columns.GroupBy(c => c.Value.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"名单的“{group.Key}”列被同时对应为{string.Join("和", group.Select(g => $"“{ListFieldNames.Name(g.Key)}”"))}：一列只能对应一项。");
        }
        foreach (var (field, heading) in Columns.Where(c => string.IsNullOrWhiteSpace(c.Value)))
        {
            problems.Add($"“{ListFieldNames.Name(field)}”对应的列名是空的。");
        }
        return problems;
    }

    /// <summary>The mapping as JSON, to be saved.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a saved mapping; throws <see cref="FormatException"/> with a Chinese message when it is not one.</summary>
    public static ColumnMapping FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ColumnMapping>(json, Json) ?? throw new FormatException("保存的列对应关系是空的：请重新设置。");
        }
        catch (JsonException e)
        {
            throw new FormatException($"保存的列对应关系无法读取（{e.Message}）：请重新设置。", e);
        }
    }
}
