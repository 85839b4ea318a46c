namespace Terminal.Storage.Audit;

/// <summary>
/// One entry of the hash-chained audit log. <see cref="Hash"/> is SHA-256 of the entry's body (everything up to and
/// including <see cref="PreviousHash"/>, <see cref="AuditEntryCodec"/>); checkpoints carry an ECDSA P-256 signature
/// of that hash. Holds no personal data in the clear: the subject is a record id or a keyed hash.
/// </summary>
/// <param name="Sequence">1 for the first entry, then +1.</param>
/// <param name="At">When (UTC, millisecond precision).</param>
/// <param name="Action">What happened.</param>
/// <param name="OperatorId">The operator logged in (empty when none).</param>
/// <param name="Subject">Record id and version ("…/v1"), a keyed hash ("kh:…"), or empty.</param>
/// <param name="Detail">Non-personal detail (a count, a reason code), or empty.</param>
/// <param name="PreviousHash">The previous entry's hash (32 zero bytes for the first).</param>
/// <param name="Hash">SHA-256 of this entry's body.</param>
/// <param name="Signature">IEEE P1363 ECDSA signature of <see cref="Hash"/> (checkpoints only), else empty.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    AuditAction Action,
    string OperatorId,
    string Subject,
    string Detail,
    ReadOnlyMemory<byte> PreviousHash,
    ReadOnlyMemory<byte> Hash,
    ReadOnlyMemory<byte> Signature)
{
    /// <summary>The hash length (SHA-256).</summary>
    public const int HashLength = 32;

    /// <summary>True for a signed checkpoint.</summary>
    public bool IsCheckpoint => Action == AuditAction.Checkpoint;
}
