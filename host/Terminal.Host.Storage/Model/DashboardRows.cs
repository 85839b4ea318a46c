namespace Terminal.Host.Storage.Model;

/// <summary>Progress of one street (片区/街道): the people of its initial data, and how many of them have a record.</summary>
public sealed record StreetProgressRow(string Street, string CollectionPointCode, long Expected, long Collected);

/// <summary>
/// One terminal as the office follows it: its point, when it last docked, the distinct records and the versions
/// received, the highest outbox sequence received and how many below it never arrived ("不漏一人").
/// </summary>
public sealed record TerminalProgressRow(string TerminalId, string CollectionPointCode, DateTimeOffset? LastDockedAt, long Records, long Versions,
    long HighestSequence, long MissingSequences);

/// <summary>A record version's stored signature: the content hash it was given for, and its pen strokes as received.</summary>
public sealed record StoredSignature(string ContentSha256, byte[] Strokes, string ImageSha256, DateTimeOffset SignedAt);

/// <summary>When and from which docking a record version arrived.</summary>
public sealed record RecordVersionRow(int Version, string TerminalId, long Sequence, DateTimeOffset ReceivedAt, string ContentSha256, IReadOnlyList<string> Flags);
