using System.Security.Cryptography;

namespace Terminal.Storage.Audit;

/// <summary>
/// Checks an audit log: every entry's hash, the link to the previous entry, sequence numbers without gaps or
/// reordering, checkpoint signatures against the terminal's public key, and (for an exported log) that it ends in
/// a signed checkpoint, so that cutting off its end is seen too.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies an exported log (frames back to back).</summary>
    /// <param name="log">The exported bytes.</param>
    /// <param name="terminalPublicKey">The terminal's signing key (SubjectPublicKeyInfo DER).</param>
    /// <param name="requireSignedEnd">True for an exported log; false for the live log on the terminal.</param>
    public static AuditReport Verify(ReadOnlySpan<byte> log, ReadOnlySpan<byte> terminalPublicKey, bool requireSignedEnd = true)
    {
        var entries = new List<AuditEntry>();
        var offset = 0;
        while (offset < log.Length)
        {
            if (!AuditEntryCodec.TryDecode(log[offset..], out var entry, out var consumed))
            {
                var report = Verify(entries, terminalPublicKey, requireSignedEnd: false);
                return report with { Problems = [.. report.Problems, new AuditProblem(AuditProblemKind.Malformed, offset)] };
            }
            entries.Add(entry!);
            offset += consumed;
        }
        return Verify(entries, terminalPublicKey, requireSignedEnd);
    }

    /// <summary>Verifies decoded entries in their stored order.</summary>
    public static AuditReport Verify(IReadOnlyList<AuditEntry> entries, ReadOnlySpan<byte> terminalPublicKey, bool requireSignedEnd = false) =>
        Verify(entries, terminalPublicKey, after: null, requireSignedEnd);

    /// <summary>
    /// Verifies entries that continue a chain whose last entry already held is <paramref name="after"/> (null: the
    /// entries start the chain): the first must be numbered one past it and link to its hash. The district host checks
    /// each docking's audit entries this way against what it holds for that terminal.
    /// </summary>
    public static AuditReport Verify(IReadOnlyList<AuditEntry> entries, ReadOnlySpan<byte> terminalPublicKey, AuditEntry? after, bool requireSignedEnd = false)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(terminalPublicKey, out _);
        var problems = new List<AuditProblem>();
        var expected = after is null ? 1 : after.Sequence + 1;
        var previousHash = after?.Hash ?? AuditChain.Genesis;
        long? lastSigned = null;
        foreach (var e in entries)
        {
            var body = AuditEntryCodec.Body(e.Sequence, e.At, e.Action, e.OperatorId, e.Subject, e.Detail, e.PreviousHash.Span);
            var hashOk = AuditEntryCodec.HashOf(body).AsSpan().SequenceEqual(e.Hash.Span);
            if (!hashOk || (!e.IsCheckpoint && !e.Signature.IsEmpty))
            {
                problems.Add(new AuditProblem(AuditProblemKind.Edited, e.Sequence));
            }
            if (e.Sequence > expected)
            {
                problems.Add(new AuditProblem(AuditProblemKind.Gap, expected, e.Sequence - 1));
            }
            else if (e.Sequence < expected)
            {
                problems.Add(new AuditProblem(AuditProblemKind.Reordered, e.Sequence));
            }
            else if (!e.PreviousHash.Span.SequenceEqual(previousHash.Span))
            {
                problems.Add(new AuditProblem(AuditProblemKind.BrokenLink, e.Sequence));
            }
            if (e.IsCheckpoint)
            {
                if (hashOk && key.VerifyHash(e.Hash.Span, e.Signature.Span, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                {
                    lastSigned = e.Sequence;
                }
                else
                {
                    problems.Add(new AuditProblem(AuditProblemKind.BadSignature, e.Sequence));
                }
            }
            expected = Math.Max(expected, e.Sequence + 1);
            previousHash = e.Hash;
        }
        if (requireSignedEnd && (entries.Count == 0 || !entries[^1].IsCheckpoint))
        {
            problems.Add(new AuditProblem(AuditProblemKind.UnsignedEnd, entries.Count == 0 ? 0 : entries[^1].Sequence));
        }
        return new AuditReport(problems, entries.Count, lastSigned);
    }
}
