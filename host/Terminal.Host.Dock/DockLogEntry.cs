using Terminal.Dock.Pull;
using Terminal.Dock.Push;

namespace Terminal.Host.Dock;

/// <summary>
/// One entry of the host's docking log: which terminal, when, the outcome ("receipt": written before a receipt is sent; "docked", "failed",
/// "refused"), the sequences committed, each receipt sent (its SHA-256 is also in the terminal's Purge audit entries),
/// the answers to the pushes, the bytes moved, the terminal's audit entries received, the packages quarantined and, when it
/// failed or quarantined a package, why (Chinese, as shown to the office staff).
/// </summary>
public sealed record DockLogEntry(
    long Sequence,
    DateTimeOffset At,
    string TerminalId,
    string Outcome,
    IReadOnlyList<long> Committed,
    IReadOnlyList<SentReceipt> Receipts,
    IReadOnlyList<PushAck> Pushes,
    long PayloadBytes,
    long ResumedBytes,
    string Error)
{
    /// <summary>Packages that failed verification: kept in the district's quarantine, not committed, not receipted (the Chinese reason in each).</summary>
    public IReadOnlyList<RefusedPackage> Quarantined { get; init; } = [];

    /// <summary>The first and last sequence of the terminal's audit entries committed with this docking (0: none).</summary>
    public long AuditFrom { get; init; }

    /// <summary>See <see cref="AuditFrom"/>.</summary>
    public long AuditThrough { get; init; }
}
