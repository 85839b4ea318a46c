using Terminal.Records.Categories;

namespace Terminal.Host.Storage.Model;

/// <summary>A stored record version as lists and searches show it.</summary>
public sealed record RecordSummary(Guid RecordId, int Version, string TerminalId, long Sequence, string? IdNumber, string? Name,
    CategorySet Categories, string CollectionPoint, DateOnly CollectedOn, IReadOnlyList<string> Flags);

/// <summary>
/// Progress of one collection point: the people of its initial data (应采), how many of them have a record (已采, by
/// whichever terminal or point: so completion never passes 100 %), and the people collected here who are not in the
/// initial data at all (名单外新增: someone the initial data missed, or a wrong ID number, for the office to check).
/// </summary>
public sealed record ProgressRow(string CollectionPointCode, string Name, long Expected, long Collected, long NotOnRoster);
