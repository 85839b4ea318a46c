using System.Text.Json.Serialization;

namespace Terminal.Records.Forms;

/// <summary>One field of the form: its id ("section.name"), Chinese label, type and constraints.</summary>
public sealed class FieldDefinition
{
    /// <summary>"identity.name": the section id, a dot, the field's name.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The label the form prints and messages name.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    /// <summary>The value type.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
    public required FieldType Type { get; init; }

    /// <summary>Must have a value whenever the field applies.</summary>
    [JsonPropertyName("required")]
    public bool Required { get; init; }

    /// <summary>When the field applies; null = always (within its section).</summary>
    [JsonPropertyName("when")]
    public Condition? When { get; init; }

    /// <summary>The code list for Code and Codes fields.</summary>
    [JsonPropertyName("codeList")]
    public string? CodeList { get; init; }

    /// <summary>Least value (Integer, Decimal, Date), in the value's canonical text form.</summary>
    [JsonPropertyName("min")]
    public string? Min { get; init; }

    /// <summary>Greatest value (Integer, Decimal, Date), in the value's canonical text form.</summary>
    [JsonPropertyName("max")]
    public string? Max { get; init; }

    /// <summary>Most characters a Text may hold.</summary>
    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; init; }

    /// <summary>A Date field that may say "长期" (long-term validity of an ID card).</summary>
    [JsonPropertyName("allowLongTerm")]
    public bool AllowLongTerm { get; init; }

    /// <summary>A help text shown beside the field.</summary>
    [JsonPropertyName("hint")]
    public string? Hint { get; init; }
}
