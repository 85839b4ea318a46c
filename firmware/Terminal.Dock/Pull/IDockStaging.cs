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

/// <summary>Where received packages go: the district database through ingest. Commit is durable, atomic and idempotent.</summary>
public interface IPackageSink
{
    /// <summary>True when the package is already committed (a cut after commit, before the receipt reached the terminal).</summary>
    Task<bool> HoldsAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Commits the packages in one transaction; when it returns they are on disk.</summary>
    Task CommitAsync(string terminalId, IReadOnlyList<ReceivedPackage> packages, CancellationToken cancellationToken);
}
