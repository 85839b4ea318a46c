using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Terminal.Records.Categories;

namespace Terminal.Records.Forms;

/// <summary>
/// One version of the collection form (信息采集表) as data: sections, fields, code lists, constraints.
/// The terminal UI, the host's record page, the printed PDF and the validator all read it. A revised national
/// form is a new JSON file in Forms/, not new code. The structure is checked when loaded (<see cref="Parse"/>);
/// form-definition.schema.json describes it for editors.
/// </summary>
public sealed class FormDefinition
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private FrozenDictionary<string, FieldDefinition> _fields = FrozenDictionary<string, FieldDefinition>.Empty;
    private FrozenDictionary<string, SectionDefinition> _sectionOfField = FrozenDictionary<string, SectionDefinition>.Empty;

    /// <summary>"veteran-collection".</summary>
    [JsonPropertyName("formId")]
    public required string FormId { get; init; }

    /// <summary>"2018.1": stored in every record collected under it.</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>The form's title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The collection's reference date (标准时点), 2018-10-01 (seed 001 §二).</summary>
    [JsonPropertyName("referenceDate")]
    public required DateOnly ReferenceDate { get; init; }

    /// <summary>The code lists by id.</summary>
    [JsonPropertyName("codeLists")]
    public required IReadOnlyDictionary<string, CodeList> CodeLists { get; init; }

    /// <summary>The sections in form order.</summary>
    [JsonPropertyName("sections")]
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }

    /// <summary>Every field in form order.</summary>
    public IEnumerable<FieldDefinition> Fields => Sections.SelectMany(s => s.Fields);

    /// <summary>The field with this id; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public FieldDefinition Field(string id) => _fields[id];

    /// <summary>The field with this id, if the form has it.</summary>
    public bool TryGetField(string id, out FieldDefinition field) => _fields.TryGetValue(id, out field!);

    /// <summary>The section a field belongs to.</summary>
    public SectionDefinition SectionOf(string fieldId) => _sectionOfField[fieldId];

    /// <summary>The module section of a category.</summary>
    public SectionDefinition? ModuleOf(Category category) => Sections.FirstOrDefault(s => s.Category == (int)category);

    /// <summary>The name of a code in a list, or null when the list does not hold it.</summary>
    public string? CodeName(string codeList, string code) =>
        CodeLists[codeList].Codes.FirstOrDefault(c => c.Code == code)?.Name;

    /// <summary>Reads and checks a form definition. Throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static FormDefinition Parse(ReadOnlySpan<byte> utf8Json)
    {
        FormDefinition? form;
        try
        {
            form = JsonSerializer.Deserialize<FormDefinition>(utf8Json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"form definition is not valid JSON of the expected shape: {e.Message}", e);
        }
        if (form is null)
        {
            throw new FormatException("form definition is empty");
        }
        form.Index();
        return form;
    }

    private void Index()
    {
        var fields = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        var sections = new Dictionary<string, SectionDefinition>(StringComparer.Ordinal);
        var categories = new HashSet<int>();
        foreach (var section in Sections)
        {
            if (section.Category is { } c && (c is < 1 or > 12 || !categories.Add(c)))
            {
                throw new FormatException($"section {section.Id}: category {c} is outside 1–12 or has two modules");
            }
            foreach (var f in section.Fields)
            {
                if (!f.Id.StartsWith(section.Id + ".", StringComparison.Ordinal))
                {
                    throw new FormatException($"field {f.Id} must start with its section id {section.Id}.");
                }
                if (!fields.TryAdd(f.Id, f))
                {
                    throw new FormatException($"field {f.Id} is declared twice");
                }
                sections[f.Id] = section;
                CheckField(f, fields);
            }
        }
        if (categories.Count != 12)
        {
            throw new FormatException($"the form must have one module per category (1–12); it has {categories.Count}");
        }
        _fields = fields.ToFrozenDictionary(StringComparer.Ordinal);
        _sectionOfField = sections.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private void CheckField(FieldDefinition f, Dictionary<string, FieldDefinition> earlier)
    {
        var needsList = f.Type is FieldType.Code or FieldType.Codes;
        if (needsList != (f.CodeList is not null))
        {
            throw new FormatException($"field {f.Id}: a code list is required for code fields and only for them");
        }
        if (f.CodeList is not null && !CodeLists.ContainsKey(f.CodeList))
        {
            throw new FormatException($"field {f.Id}: code list {f.CodeList} is not declared");
        }
        if (f.When is { } w)
        {
            if (w.Field is not null && !earlier.ContainsKey(w.Field))
            {
                throw new FormatException($"field {f.Id}: its condition names {w.Field}, which is not declared before it");
            }
            if ((w.Field is null) != (w.In is null) || (w.Field is null && w.CategoriesAny is null))
            {
                throw new FormatException($"field {f.Id}: a condition needs field+in, categoriesAny, or both");
            }
            if (w.CategoriesAny is not null && w.CategoriesAny.Any(n => n is < 1 or > 12))
            {
                throw new FormatException($"field {f.Id}: categoriesAny holds a number outside 1–12");
            }
        }
        if ((f.Min ?? f.Max) is not null && (!FieldValueFormat.TryValidate(f, f.Min ?? f.Max!, out var code, out _) && code != Validation.IssueCode.OutOfRange))
        {
            throw new FormatException($"field {f.Id}: min/max are not values of its type");
        }
    }
}
