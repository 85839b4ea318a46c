namespace Terminal.Host.Storage.Model;

/// <summary>
/// One record merged into another (合并): <see cref="MergedRecordId"/> is no longer counted while the merge stands,
/// <see cref="KeptRecordId"/> is the one kept (保留). Both stay stored whole; an undone merge keeps its row.
/// </summary>
public sealed record RecordMerge(Guid MergeId, Guid MergedRecordId, Guid KeptRecordId, string IdNumber, string Note, string MergedBy, DateTimeOffset MergedAt,
    string? UndoneBy = null, DateTimeOffset? UndoneAt = null, string? UndoNote = null)
{
    /// <summary>True while the merge stands (not undone).</summary>
    public bool Standing => UndoneAt is null;
}

/// <summary>What a merge did: the merges written, or (nothing written) the reason in Chinese.</summary>
public sealed record MergeOutcome(IReadOnlyList<RecordMerge> Merges, string? Refusal)
{
    /// <summary>True when the merge was written.</summary>
    public bool Merged => Refusal is null;

    internal static MergeOutcome Refused(string reason) => new([], reason);
}
