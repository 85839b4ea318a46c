namespace Terminal.Dock.Pull;

/// <summary>The host's durable store of partly received packages, so a pull resumes after a cut from the last verified chunk.</summary>
public interface IDockStaging
{
    /// <summary>How many bytes of the package are held.</summary>
    Task<long> LengthAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Adds verified bytes at <paramref name="offset"/> (which equals the length held); durable when it returns.</summary>
    Task AppendAsync(string terminalId, OutboxEntry entry, long offset, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>All bytes held.</summary>
    Task<byte[]> ReadAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Forgets the package (after commit, or when its hash did not match).</summary>
    Task DiscardAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken);
}

/// <summary>What the district holds of a package named in a manifest.</summary>
public enum PackageState
{
    /// <summary>Not held: fetch it.</summary>
    New,
    /// <summary>Committed (a cut after commit, before the receipt reached the terminal): receipt it, do not fetch it.</summary>
    Committed,
    /// <summary>Held in quarantine with the same SHA-256 (it failed verification): neither fetched again nor receipted.</summary>
    Quarantined,
}

/// <summary>A package the district did not commit because it failed verification; it is kept in quarantine, and stays on the terminal.</summary>
public sealed record RefusedPackage(long Sequence, string PackageId, string Reason);

/// <summary>
/// Where received packages go: the district database through ingest. Commit is durable, atomic and idempotent; a
/// package that fails verification is quarantined (kept, flagged) instead of committed, never receipted.
/// </summary>
public interface IPackageSink
{
    /// <summary>What the district holds of the package.</summary>
    Task<PackageState> StateAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>The sequence of the last entry of the terminal's audit chain the district holds (0: none).</summary>
    Task<long> AuditHeldAsync(string terminalId, CancellationToken cancellationToken);

    /// <summary>
    /// Commits the packages and the audit entries that follow what is held (<paramref name="audit"/>: whole frames
    /// back to back) in one transaction; when it returns they are on disk. Returns the packages quarantined instead.
    /// Throws <see cref="DockProtocolException"/> when the audit entries do not continue the chain held: then nothing
    /// is committed.
    /// </summary>
    Task<IReadOnlyList<RefusedPackage>> CommitAsync(string terminalId, IReadOnlyList<ReceivedPackage> packages, ReadOnlyMemory<byte> audit, CancellationToken cancellationToken);
}
