using Terminal.Records.Model;

namespace Terminal.Host.Storage.Model;

/// <summary>What one docking brings in, committed in one transaction: records, their photos, and the terminal's audit entries.</summary>
public sealed record IngestBatch(string TerminalId, DateTimeOffset ReceivedAt, IReadOnlyList<IngestedRecord> Records, IReadOnlyList<PhotoBlob> Photos, IReadOnlyList<AuditEntry> Audit);

/// <summary>One record version as received, with the terminal's outbox sequence number and what the checks flagged.</summary>
public sealed record IngestedRecord(Record Record, long Sequence, IReadOnlyList<string> Flags, byte[] SignatureStrokes);

/// <summary>A photo's bytes, addressed by their SHA-256 (lower-case hex).</summary>
public sealed record PhotoBlob(string Sha256, string MediaType, byte[] Bytes);

/// <summary>One entry of a terminal's hash-chained audit log (its body holds no personal data in the clear).</summary>
public sealed record AuditEntry(long Sequence, string Action, DateTimeOffset At, string EntrySha256, string PreviousSha256, byte[] Body);

/// <summary>What a commit added and what was already there (a batch sent twice adds nothing the second time).</summary>
public sealed record IngestResult(int RecordsAdded, int RecordsAlreadyPresent, int PhotosAdded, int PhotosAlreadyPresent, int AuditEntriesAdded);
