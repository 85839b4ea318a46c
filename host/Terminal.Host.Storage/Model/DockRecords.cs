namespace Terminal.Host.Storage.Model;

/// <summary>
/// A package of a terminal that failed verification at the district (does not open with the district's key, does not
/// match its own header, contradicts what is stored): kept whole with the reason, never committed, never receipted.
/// </summary>
public sealed record QuarantinedPackage(string TerminalId, long Sequence, string Sha256, string PackageId, string Reason, DateTimeOffset QuarantinedAt, byte[] Bytes);

/// <summary>A push the office queued for a terminal (kind and JSON body as the dock link sends them), in queue order.</summary>
public sealed record QueuedPush(Guid PushId, string TerminalId, int Kind, byte[] Body, DateTimeOffset QueuedAt)
{
    /// <summary>pending, applied or refused (a refused push is sent again at the next docking).</summary>
    public string Status { get; init; } = "pending";

    /// <summary>The terminal's last answer to it (its reason when refused), or empty.</summary>
    public string Answer { get; init; } = "";
}
