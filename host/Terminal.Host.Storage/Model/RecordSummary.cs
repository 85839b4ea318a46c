using Terminal.Records.Categories;

namespace Terminal.Host.Storage.Model;

/// <summary>A stored record version as lists and searches show it.</summary>
public sealed record RecordSummary(Guid RecordId, int Version, string TerminalId, long Sequence, string? IdNumber, string? Name,
    CategorySet Categories, string CollectionPoint, DateOnly CollectedOn, IReadOnlyList<string> Flags);

/// <summary>Progress of one collection point: subjects expected from the initial data, and subjects collected.</summary>
public sealed record ProgressRow(string CollectionPointCode, string Name, long Expected, long Collected);
