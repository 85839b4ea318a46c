using System.Text.Json.Serialization;
using Terminal.Records.Categories;
using Terminal.Records.Model;

namespace Terminal.Records.Forms;

/// <summary>
/// When a field applies ("only when"): another field's value is one of <see cref="In"/>, or the record's
/// categories include one of <see cref="CategoriesAny"/>. A field that does not apply must stay empty.
/// </summary>
public sealed class Condition
{
    /// <summary>The field whose value decides.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>The values of <see cref="Field"/> for which the condition holds.</summary>
    [JsonPropertyName("in")]
    public IReadOnlyList<string>? In { get; init; }

    /// <summary>The categories of which at least one must be selected.</summary>
    [JsonPropertyName("categoriesAny")]
    public IReadOnlyList<int>? CategoriesAny { get; init; }

    /// <summary>True when the condition holds for <paramref name="record"/>.</summary>
    public bool Holds(Record record)
    {
        if (CategoriesAny is not null && !CategoriesAny.Any(n => record.Categories.Contains((Category)n)))
        {
            return false;
        }
        if (Field is not null)
        {
            var value = record.Text(Field);
            return value is not null && In is not null && In.Contains(value, StringComparer.Ordinal);
        }
        return true;
    }

    /// <summary>A Chinese phrase describing the condition, for messages ("仅在…时填写").</summary>
    public string Describe(FormDefinition form)
    {
        var parts = new List<string>();
        if (CategoriesAny is not null)
        {
            parts.Add("对象类别为" + string.Join("、", CategoriesAny.Select(n => CategoryNames.Label((Category)n))) + "之一");
        }
        if (Field is not null && In is not null)
        {
            var field = form.Field(Field);
            var names = In.Select(v => field.CodeList is null ? Display(v) : form.CodeName(field.CodeList, v) ?? v);
            parts.Add($"“{field.Label}”为{string.Join("或", names)}");
        }
        return string.Join("且", parts);
    }

    private static string Display(string value) => value switch { "true" => "是", "false" => "否", _ => value };
}
