namespace Terminal.Host.Storage.Model;

/// <summary>An ID number on the office's list of flagged cards (reported lost or otherwise), and how many records carry it.</summary>
public sealed record FlaggedCard(string IdNumber, string Reason, string FlaggedBy, DateTimeOffset FlaggedAt, long Records);
