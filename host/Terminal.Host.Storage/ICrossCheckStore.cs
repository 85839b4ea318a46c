using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>The cross-checks' data (issue 10): saved column mappings per department, imported lists and their review items.</summary>
public interface ICrossCheckStore
{
    /// <summary>The department's saved column mapping (JSON), or null.</summary>
    Task<string?> ColumnMappingAsync(string department, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a run, its review items and the department's mapping in one transaction: all of it or nothing.
    /// </summary>
    Task SaveRunAsync(CrossCheckRun run, string mappingJson, IReadOnlyList<NewReviewItem> items, CancellationToken cancellationToken = default);

    /// <summary>The runs, newest first.</summary>
    Task<IReadOnlyList<CrossCheckRun>> RunsAsync(int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Review items, of one state or all, of one run or all; newest run first, then in the matcher's order.</summary>
    Task<IReadOnlyList<StoredReviewItem>> ReviewItemsAsync(ReviewState? state, Guid? runId, int limit = 500, CancellationToken cancellationToken = default);

    /// <summary>Sets an item's state and note by a reviewer; false when there is no such item.</summary>
    Task<bool> WorkReviewItemAsync(Guid runId, int position, ReviewState state, string? note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Review items still 待处理.</summary>
    Task<long> OpenReviewItemsAsync(CancellationToken cancellationToken = default);
}
