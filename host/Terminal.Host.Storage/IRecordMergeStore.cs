using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// Merging the records of a person collected twice (issue 10: "merge duplicates, keeping both originals and the audit
/// trail"): nothing of a merged record is changed or deleted; the merge only decides which record is counted.
/// </summary>
public interface IRecordMergeStore
{
    /// <summary>
    /// Merges <paramref name="mergedRecordIds"/> into <paramref name="keptRecordId"/>, all or none: every record must
    /// exist, carry the same ID number (newest version), and be neither merged already nor (for those merged) the record
    /// kept by another standing merge. Otherwise nothing is written and the outcome says why.
    /// </summary>
    Task<MergeOutcome> MergeAsync(Guid keptRecordId, IReadOnlyList<Guid> mergedRecordIds, string note, string userName, DateTimeOffset at,
        CancellationToken cancellationToken = default);

    /// <summary>Undoes a standing merge (the merged record is counted again); null when there is no such standing merge.</summary>
    Task<RecordMerge?> UndoMergeAsync(Guid mergeId, string note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every merge a record took part in, kept or merged, undone ones too, oldest first.</summary>
    Task<IReadOnlyList<RecordMerge>> MergesAsync(Guid recordId, CancellationToken cancellationToken = default);

    /// <summary>Of <paramref name="recordIds"/>, those merged into another record by a standing merge, with the record kept.</summary>
    Task<IReadOnlyDictionary<Guid, Guid>> MergedIntoAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken = default);
}
