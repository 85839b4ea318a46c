using Terminal.Host.Storage.Model;
using Terminal.Records.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// The district database as the host uses it, the same for PostgreSQL and SQLite (the seam for a distributed
/// PostgreSQL later). Every search takes its text as a parameter, never as SQL.
/// </summary>
public interface IDistrictStore
{
    /// <summary>Adds or updates a collection point.</summary>
    Task SaveCollectionPointAsync(CollectionPoint point, CancellationToken cancellationToken = default);

    /// <summary>The collection points in code order.</summary>
    Task<IReadOnlyList<CollectionPoint>> CollectionPointsAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a provisioned terminal (again: updates its point and key).</summary>
    Task RegisterTerminalAsync(TerminalRegistration terminal, CancellationToken cancellationToken = default);

    /// <summary>A terminal, or null when this district never provisioned it.</summary>
    Task<TerminalRegistration?> TerminalAsync(string terminalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a docking's batch in one transaction. Exactly once: what is already stored identically is skipped;
    /// anything contradicting the store throws <see cref="IngestConflictException"/> and nothing is committed.
    /// </summary>
    Task<IngestResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default);

    /// <summary>A record version (the newest when <paramref name="version"/> is null), or null.</summary>
    Task<Record?> RecordAsync(Guid recordId, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Every stored version of every record with this ID number.</summary>
    Task<IReadOnlyList<RecordSummary>> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default);

    /// <summary>Records whose name contains <paramref name="text"/> (taken literally: % and _ are not wildcards).</summary>
    Task<IReadOnlyList<RecordSummary>> SearchByNameAsync(string text, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>A photo's bytes by hash, or null.</summary>
    Task<byte[]?> PhotoAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>A terminal's outbox sequence numbers not received, from 1 to the highest received ("不漏一人").</summary>
    Task<IReadOnlyList<long>> MissingSequencesAsync(string terminalId, CancellationToken cancellationToken = default);

    /// <summary>How many collection points, terminals, records and record versions the database holds.</summary>
    Task<DistrictCounts> CountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Per collection point: expected subjects and distinct subjects collected.</summary>
    Task<IReadOnlyList<ProgressRow>> ProgressAsync(CancellationToken cancellationToken = default);

    /// <summary>The flags of every version of a record, and those of other records naming it as their duplicate.</summary>
    Task<IReadOnlyList<StoredRecordFlag>> FlagsAsync(Guid recordId, CancellationToken cancellationToken = default);

    /// <summary>Marks a flag as checked by <paramref name="userName"/>; false when there is no such open flag.</summary>
    Task<bool> ResolveFlagAsync(Guid recordId, int version, int position, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Replaces the initial data (roster) and sets each point's expected count from it; returns the people imported.</summary>
    Task<int> ImportRosterAsync(IReadOnlyList<RosterEntry> entries, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Per street of the initial data: expected people and distinct subjects collected there.</summary>
    Task<IReadOnlyList<StreetProgressRow>> StreetProgressAsync(CancellationToken cancellationToken = default);

    /// <summary>People of the initial data with no record yet (for home visits), of one point or all, in point and street order.</summary>
    Task<IReadOnlyList<RosterEntry>> NotYetSeenAsync(string? collectionPointCode, int limit = 500, CancellationToken cancellationToken = default);

    /// <summary>Every registered terminal: last docked, records and versions received, sequence gaps.</summary>
    Task<IReadOnlyList<TerminalProgressRow>> TerminalProgressAsync(CancellationToken cancellationToken = default);

    /// <summary>The versions of a record as they arrived, oldest first.</summary>
    Task<IReadOnlyList<RecordVersionRow>> RecordVersionsAsync(Guid recordId, CancellationToken cancellationToken = default);

    /// <summary>A record version's signature as stored, or null.</summary>
    Task<StoredSignature?> SignatureAsync(Guid recordId, int version, CancellationToken cancellationToken = default);

    /// <summary>Who entered a record version by hand at the office and how, or null for a record docked from a terminal.</summary>
    Task<RecordProvenance?> ProvenanceAsync(Guid recordId, int version, CancellationToken cancellationToken = default);
}
