using System.Text.Json.Serialization;

namespace Terminal.Records.Forms;

/// <summary>A section of the form; a category module when <see cref="Category"/> is set.</summary>
public sealed class SectionDefinition
{
    /// <summary>"identity", "module7", "living"…: the prefix of its fields' ids.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The section's Chinese title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>For a category module: the category (1–12) whose selection makes the section apply.</summary>
    [JsonPropertyName("category")]
    public int? Category { get; init; }

    /// <summary>The seed sentence the section comes from.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>The fields, in the order the form shows them.</summary>
    [JsonPropertyName("fields")]
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
}
