using Terminal.Records.Categories;

namespace Terminal.Host.Reports.Data;

/// <summary>A subject of a household on the honour-plaque list.</summary>
public sealed record HonourPlaqueMember(string Name, CategorySet Categories, string? Phone);
