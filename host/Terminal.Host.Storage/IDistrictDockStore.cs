using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// What the dock link keeps in the district database besides the committed batches: the end of each terminal's audit
/// chain held, packages in quarantine, and the queue of pushes (stored, so it survives restarts of the host).
/// </summary>
public interface IDistrictDockStore
{
    /// <summary>The last audit entry held for the terminal (its stored body: the entry's frame), or null when none is.</summary>
    Task<AuditEntry?> LastAuditEntryAsync(string terminalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when this terminal's package <paramref name="sequence"/> is held as that record version (stored, or kept as a
    /// second copy): the same version from another terminal is not this package, and is fetched.
    /// </summary>
    Task<bool> PackageHeldAsync(string terminalId, long sequence, Guid recordId, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a package in quarantine; the same package (terminal, sequence, SHA-256) again changes nothing while it is
    /// held, and quarantines it anew (new reason, the release cleared) once it was released.
    /// </summary>
    Task QuarantineAsync(QuarantinedPackage package, CancellationToken cancellationToken = default);

    /// <summary>The terminal's packages in quarantine (not released), by sequence.</summary>
    Task<IReadOnlyList<QuarantinedPackage>> QuarantinedAsync(string terminalId, CancellationToken cancellationToken = default);

    /// <summary>The number of packages in quarantine (not released) per terminal; terminals without any are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> QuarantineCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a package from quarantine for a new check (the next docking fetches and verifies it again); the row
    /// stays, marked with who released it and when. False when no such package is held in quarantine.
    /// </summary>
    Task<bool> ReleaseQuarantinedAsync(string terminalId, long sequence, string sha256, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Adds a push at the end of the queue (the same id again changes nothing).</summary>
    Task QueuePushAsync(QueuedPush push, CancellationToken cancellationToken = default);

    /// <summary>The terminal's pushes not yet applied (pending or refused before), in queue order.</summary>
    Task<IReadOnlyList<QueuedPush>> PendingPushesAsync(string terminalId, CancellationToken cancellationToken = default);

    /// <summary>Records the terminal's answer: applied takes the push off the queue; refused keeps it, with the reason.</summary>
    Task PushAnsweredAsync(string terminalId, Guid pushId, bool applied, string answer, DateTimeOffset at, CancellationToken cancellationToken = default);
}
