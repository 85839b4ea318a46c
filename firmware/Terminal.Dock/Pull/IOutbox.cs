namespace Terminal.Dock.Pull;

/// <summary>The terminal's outbox as the dock link sees it (the terminal's store implements it).</summary>
public interface IOutbox
{
    /// <summary>The packages waiting, in sequence order.</summary>
    Task<IReadOnlyList<OutboxEntry>> EntriesAsync(CancellationToken cancellationToken);

    /// <summary>Copies bytes of package <paramref name="sequence"/> from <paramref name="offset"/>; returns how many.</summary>
    Task<int> ReadAsync(long sequence, long offset, Memory<byte> destination, CancellationToken cancellationToken);

    /// <summary>
    /// Removes packages the district has receipted (called only after the receipt's signature verified) in one step;
    /// <paramref name="receiptSha256"/> (SHA-256 of the receipt's JSON, lower-case hex) goes in the terminal's audit
    /// chain so it can be matched with the host's docking log. Returns the sequences actually removed.
    /// </summary>
    Task<IReadOnlyList<long>> PurgeAsync(IReadOnlyList<long> sequences, string receiptSha256, CancellationToken cancellationToken);

    /// <summary>
    /// The terminal's audit chain from sequence <paramref name="fromSequence"/> on: whole frames back to back, at most
    /// <paramref name="maxBytes"/> (at least one frame when any is there), empty when there are none. The same question
    /// gets the same answer (asking appends nothing).
    /// </summary>
    Task<byte[]> AuditAsync(long fromSequence, int maxBytes, CancellationToken cancellationToken);
}
