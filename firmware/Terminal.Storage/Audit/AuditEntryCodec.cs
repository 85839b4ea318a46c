using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Terminal.Storage.Audit;

/// <summary>
/// The byte form of audit entries: what is hashed, stored and exported. All integers big-endian.
/// <code>
///  frame:  length u16 (of what follows) | body | hash (32) | signature length u8 | signature
///  body:   format u8 = 1 | sequence u64 | at i64 (Unix ms, UTC) | action u8 |
///          operator (u16 length + UTF-8) | subject (u16 + UTF-8) | detail (u16 + UTF-8) | previous hash (32)
/// </code>
/// An exported log is frames back to back. Decoding is strict: a frame that does not parse exactly is refused.
/// </summary>
public static class AuditEntryCodec
{
    private const byte Format = 1;
    private const int MaxText = 1024;

    /// <summary>The body's bytes (what <see cref="AuditEntry.Hash"/> is the SHA-256 of).</summary>
    public static byte[] Body(long sequence, DateTimeOffset at, AuditAction action, string operatorId, string subject, string detail, ReadOnlySpan<byte> previousHash)
    {
        if (previousHash.Length != AuditEntry.HashLength)
        {
            throw new ArgumentException("the previous hash is 32 bytes", nameof(previousHash));
        }
        var texts = new[] { operatorId, subject, detail }.Select(Encoding.UTF8.GetBytes).ToArray();
        if (texts.Any(t => t.Length > MaxText))
        {
            throw new ArgumentException("audit texts are at most 1024 bytes");
        }
        var body = new byte[1 + 8 + 8 + 1 + texts.Sum(t => 2 + t.Length) + AuditEntry.HashLength];
        var w = body.AsSpan();
        w[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(w[1..], sequence);
        BinaryPrimitives.WriteInt64BigEndian(w[9..], at.ToUnixTimeMilliseconds());
        w[17] = (byte)action;
        var at0 = 18;
        foreach (var t in texts)
        {
            BinaryPrimitives.WriteUInt16BigEndian(w[at0..], (ushort)t.Length);
            t.CopyTo(w[(at0 + 2)..]);
            at0 += 2 + t.Length;
        }
        previousHash.CopyTo(w[at0..]);
        return body;
    }

    /// <summary>The SHA-256 of a body.</summary>
    public static byte[] HashOf(ReadOnlySpan<byte> body) => SHA256.HashData(body);

    /// <summary>The entry's frame.</summary>
    public static byte[] Encode(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var body = Body(entry.Sequence, entry.At, entry.Action, entry.OperatorId, entry.Subject, entry.Detail, entry.PreviousHash.Span);
        var length = body.Length + AuditEntry.HashLength + 1 + entry.Signature.Length;
        if (length > ushort.MaxValue || entry.Signature.Length > byte.MaxValue || entry.Hash.Length != AuditEntry.HashLength)
        {
            throw new ArgumentException("audit entry too long or hash malformed", nameof(entry));
        }
        var frame = new byte[2 + length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)length);
        body.CopyTo(frame, 2);
        entry.Hash.Span.CopyTo(frame.AsSpan(2 + body.Length));
        frame[2 + body.Length + AuditEntry.HashLength] = (byte)entry.Signature.Length;
        entry.Signature.Span.CopyTo(frame.AsSpan(3 + body.Length + AuditEntry.HashLength));
        return frame;
    }

    /// <summary>
    /// Reads one frame from the start of <paramref name="log"/>; false (and how many bytes it used) when the frame is
    /// malformed or incomplete. The entry's hash is read, not checked: <see cref="AuditVerifier"/> checks it.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> log, out AuditEntry? entry, out int consumed)
    {
        entry = null;
        consumed = 0;
        if (log.Length < 2)
        {
            return false;
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(log);
        if (log.Length < 2 + length)
        {
            return false;
        }
        var frame = log.Slice(2, length);
        if (frame.Length < 18 || frame[0] != Format)
        {
            return false;
        }
        var sequence = BinaryPrimitives.ReadInt64BigEndian(frame[1..]);
        var ms = BinaryPrimitives.ReadInt64BigEndian(frame[9..]);
        var action = frame[17];
        var at = 18;
        var texts = new string[3];
        for (var i = 0; i < 3; i++)
        {
            if (frame.Length < at + 2)
            {
                return false;
            }
            int n = BinaryPrimitives.ReadUInt16BigEndian(frame[at..]);
            if (n > MaxText || frame.Length < at + 2 + n || !TryUtf8(frame.Slice(at + 2, n), out texts[i]))
            {
                return false;
            }
            at += 2 + n;
        }
        if (frame.Length < at + 2 * AuditEntry.HashLength + 1 || ms < -62135596800000L || ms > 253402300799999L || !Enum.IsDefined((AuditAction)action))
        {
            return false;
        }
        var previous = frame.Slice(at, AuditEntry.HashLength).ToArray();
        var hash = frame.Slice(at + AuditEntry.HashLength, AuditEntry.HashLength).ToArray();
        int signatureLength = frame[at + 2 * AuditEntry.HashLength];
        var signatureAt = at + 2 * AuditEntry.HashLength + 1;
        if (frame.Length != signatureAt + signatureLength)
        {
            return false;
        }
        entry = new AuditEntry(sequence, DateTimeOffset.FromUnixTimeMilliseconds(ms), (AuditAction)action, texts[0], texts[1], texts[2],
            previous, hash, frame.Slice(signatureAt, signatureLength).ToArray());
        consumed = 2 + length;
        return true;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
