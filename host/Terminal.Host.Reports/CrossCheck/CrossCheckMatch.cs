namespace Terminal.Host.Reports.CrossCheck;

/// <summary>A listed person matched to a collected subject.</summary>
public sealed record CrossCheckMatch(int ListRow, Guid RecordId, MatchMethod Method);
