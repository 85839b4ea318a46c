using System.Security.Cryptography;

namespace Terminal.Storage.Audit;

/// <summary>Makes the next entry of the chain: links it to the previous one and signs checkpoints.</summary>
public static class AuditChain
{
    /// <summary>The previous-hash of the first entry.</summary>
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[AuditEntry.HashLength];

    /// <summary>
    /// The entry after <paramref name="previous"/> (null for the first). A <see cref="AuditAction.Checkpoint"/> is
    /// signed with <paramref name="signer"/> (the terminal's ECDSA P-256 key), which it requires. Two checkpoints are
    /// never written in a row, so that cutting off an exported log's last checkpoint always leaves an unsigned end.
    /// </summary>
    public static AuditEntry Next(AuditEntry? previous, DateTimeOffset at, AuditAction action, string operatorId, string subject, string detail, ECDsa? signer = null)
    {
        var sequence = previous is null ? 1 : previous.Sequence + 1;
        var previousHash = previous?.Hash ?? Genesis;
        var atMs = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var hash = AuditEntryCodec.HashOf(AuditEntryCodec.Body(sequence, atMs, action, operatorId, subject, detail, previousHash.Span));
        byte[] signature = [];
        if (action == AuditAction.Checkpoint)
        {
            ArgumentNullException.ThrowIfNull(signer);
            if (previous is { IsCheckpoint: true })
            {
                throw new InvalidOperationException("a checkpoint never follows a checkpoint: the log is already signed up to here");
            }
            signature = signer.SignHash(hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        return new AuditEntry(sequence, atMs, action, operatorId, subject, detail, previousHash.ToArray(), hash, signature);
    }
}
