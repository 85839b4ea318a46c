namespace Terminal.Host.Storage.Model;

/// <summary>Where a correction item (数据补缺) stands: made, on a terminal, answered by a new version, closed, or withdrawn.</summary>
public enum CorrectionState
{
    /// <summary>待发送: made by a reviewer's decision, not yet on a terminal of its point.</summary>
    Pending,

    /// <summary>已下发: a terminal of its point applied a list holding it.</summary>
    Sent,

    /// <summary>已补正: a later version of the record arrived.</summary>
    Corrected,

    /// <summary>已关闭: a reviewer looked at the new version and closed the item.</summary>
    Closed,

    /// <summary>已撤销: a reviewer withdrew it before it was corrected.</summary>
    Withdrawn,
}

/// <summary>One correction item as stored, with the steps it went through (null: not yet).</summary>
public sealed record CorrectionEntry(Guid ItemId, Guid RecordId, int Version, string CollectionPoint, ReviewDecision Kind, IReadOnlyList<string> Fields,
    string Note, string Reviewer, DateTimeOffset CreatedAt, CorrectionState State)
{
    /// <summary>The subject's name on the reviewed version (for the lists).</summary>
    public string? Name { get; init; }

    /// <summary>The subject's street code on the reviewed version.</summary>
    public string? Street { get; init; }

    public string? SentTerminal { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public int? CorrectedVersion { get; init; }

    public string? CorrectedTerminal { get; init; }

    public DateTimeOffset? CorrectedAt { get; init; }

    /// <summary>Who closed or withdrew it, when, and the note they gave.</summary>
    public string? DoneBy { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public string? DoneNote { get; init; }

    /// <summary>Open: still waiting on the terminal (待发送 or 已下发), so on the point's list.</summary>
    public bool OnList => State is CorrectionState.Pending or CorrectionState.Sent;
}

/// <summary>The 补正 page's filters (null: all) and page (from 1).</summary>
public sealed record CorrectionFilter(string? CollectionPoint = null, string? Street = null, CorrectionState? State = null, int Page = 1, int PageSize = 50);

/// <summary>One page of items, the items matching in all, and per state the items under the same point and street.</summary>
public sealed record CorrectionPage(IReadOnlyList<CorrectionEntry> Rows, int Total, IReadOnlyDictionary<CorrectionState, int> Counts);

/// <summary>An item on a point's list as the dock sends it: the item and the reviewed version's canonical bytes.</summary>
public sealed record OpenCorrection(Guid ItemId, Guid RecordId, int Version, ReviewDecision Kind, IReadOnlyList<string> Fields, string Note, byte[] ReviewedCanonical);

/// <summary>The open items of a terminal's collection point, and the digest of the list the terminal last applied whole ("" when none).</summary>
public sealed record CorrectionListState(string CollectionPoint, IReadOnlyList<OpenCorrection> Items, string AppliedDigest);

/// <summary>One push of a correction list as sent: its push id, part of parts, the whole list's digest and this part's items.</summary>
public sealed record CorrectionPartSent(Guid PushId, int Part, int Parts, string Digest, IReadOnlyList<Guid> ItemIds);

/// <summary>A second copy of a record version (another terminal's, or other content): kept beside the first, never over it.</summary>
public sealed record RecordVersionCopy(Guid RecordId, int Version, string TerminalId, long Sequence, string ContentSha256, byte[] Canonical, DateTimeOffset ReceivedAt);

/// <summary>The correction items by where they stand, for the report's quality figures.</summary>
public sealed record CorrectionFigures(long Open, long Closed, long Withdrawn);
