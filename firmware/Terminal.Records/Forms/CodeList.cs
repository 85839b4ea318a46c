using System.Text.Json.Serialization;

namespace Terminal.Records.Forms;

/// <summary>A code list (a national standard's table or the form's own list).</summary>
public sealed class CodeList
{
    /// <summary>The standard or seed sentence the list comes from.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>The codes, in the order the form offers them.</summary>
    [JsonPropertyName("codes")]
    public required IReadOnlyList<CodeEntry> Codes { get; init; }
}

/// <summary>One code and its Chinese name.</summary>
public sealed record CodeEntry(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name);
