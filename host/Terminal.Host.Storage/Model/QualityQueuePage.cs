namespace Terminal.Host.Storage.Model;

/// <summary>The quality queues of the 审核 page: each open flag of a record's newest version falls in one.</summary>
public enum QualityCategory
{
    /// <summary>A rule of the form broken (规则问题).</summary>
    RuleViolation,

    /// <summary>A required field, photo or signature missing (缺项).</summary>
    MissingField,

    /// <summary>The same person collected twice (疑似重复).</summary>
    SuspectedDuplicate,

    /// <summary>A photo over the limits or unreadable.</summary>
    Photo,

    /// <summary>A signature not matching the content or the pen samples.</summary>
    Signature,

    /// <summary>A record from an expired ID card (valid until before the collection date) or one on the office's list of flagged cards.</summary>
    Card,
}

/// <summary>What a reviewer decided about a record version.</summary>
public enum ReviewDecision
{
    /// <summary>接受: the flags were checked and the record stands.</summary>
    Accepted,

    /// <summary>问题数据: goes back to its collection point for correction.</summary>
    Problem,

    /// <summary>缺失数据: goes back to its collection point to be completed.</summary>
    Missing,
}

/// <summary>The queue page's filters (null: all) and page (from 1).</summary>
public sealed record QualityFilter(string? CollectionPoint = null, string? Street = null, string? TerminalId = null, QualityCategory? Category = null,
    int Page = 1, int PageSize = 50);

/// <summary>One record version waiting for a reviewer, with its open flags' codes and the queues they put it in.</summary>
public sealed record QualityRow(Guid RecordId, int Version, string? Name, string? IdNumber, string CollectionPoint, string? Street, string TerminalId,
    IReadOnlyList<string> Codes, IReadOnlyList<QualityCategory> Categories);

/// <summary>One page of the queue, the rows matching in all, and per queue the records in it (under the same point, street and terminal).</summary>
public sealed record QualityQueuePage(IReadOnlyList<QualityRow> Rows, int Total, IReadOnlyDictionary<QualityCategory, int> Counts);

/// <summary>A reviewer's decision as stored.</summary>
public sealed record ReviewEntry(Guid RecordId, int Version, ReviewDecision Decision, string Note, IReadOnlyList<string> Fields, string DecidedBy, DateTimeOffset DecidedAt);
