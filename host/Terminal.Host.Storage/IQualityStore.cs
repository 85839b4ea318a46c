using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>The quality queues and the reviewers' decisions, on the district database.</summary>
public interface IQualityStore
{
    /// <summary>The newest versions of records with open flags and no decision yet, filtered and paged.</summary>
    Task<QualityQueuePage> QualityQueueAsync(QualityFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="decision"/> on each given version that exists and has none yet; returns the versions
    /// decided (a forged or already decided one is skipped, never written).
    /// </summary>
    Task<IReadOnlyList<(Guid RecordId, int Version)>> DecideAsync(IReadOnlyList<(Guid RecordId, int Version)> items, ReviewDecision decision, string note,
        IReadOnlyList<string> fields, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The decisions on every version of a record, oldest first.</summary>
    Task<IReadOnlyList<ReviewEntry>> DecisionsAsync(Guid recordId, CancellationToken cancellationToken = default);
}
