using Terminal.Dock.Pull;
using Terminal.Dock.Push;

namespace Terminal.Host.Dock;

/// <summary>
/// One entry of the host's docking log: which terminal, when, the outcome ("receipt": written before a receipt is sent; "docked", "failed",
/// "refused"), the sequences committed, each receipt sent (its SHA-256 is also in the terminal's Purge audit entries),
/// the answers to the pushes, the bytes moved and, when it failed, why (Chinese, as shown to the office staff).
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
    string Error);
