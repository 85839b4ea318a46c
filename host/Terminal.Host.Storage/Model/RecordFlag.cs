using Terminal.Records.Validation;

namespace Terminal.Host.Storage.Model;

/// <summary>
/// What an ingest check found about a record version: the rule's code (an <see cref="IssueCode"/> name or one of
/// <see cref="Ingest.IngestFlagCodes"/>), how much it matters, the field, the Chinese message, and the other record
/// of a duplicate. Flagged records are kept; the office reviews them.
/// </summary>
public sealed record RecordFlag(string Code, IssueSeverity Severity, string? FieldId, string Message, Guid? RelatedRecordId = null);

/// <summary>A stored flag with the record version it belongs to and whether the office has checked it.</summary>
public sealed record StoredRecordFlag(Guid RecordId, int Version, int Position, RecordFlag Flag, DateTimeOffset FlaggedAt, string? ResolvedBy, DateTimeOffset? ResolvedAt);
