using System.Buffers.Binary;
using System.Text.Json;

namespace Terminal.Dock.Pull;

/// <summary>The messages inside sealed frames (dock-protocol.md §3): a type byte, then the body.</summary>
public enum DockMessageType : byte
{
    /// <summary>host → terminal: send your manifest from sequence(8) on.</summary>
    GetManifest = 1,
    /// <summary>terminal → host: JSON array of at most 200 outbox entries (empty: no more).</summary>
    Manifest = 2,
    /// <summary>host → terminal: sequence(8) offset(8) max(4).</summary>
    GetChunk = 3,
    /// <summary>terminal → host: sequence(8) offset(8) bytes.</summary>
    Chunk = 4,
    /// <summary>host → terminal: length(4) JSON receipt, then the district's signature (64).</summary>
    Receipt = 5,
    /// <summary>terminal → host: JSON array of the sequences purged.</summary>
    ReceiptAck = 6,
    /// <summary>host → terminal: the docking is over.</summary>
    Bye = 7,
    /// <summary>either way: UTF-8 reason.</summary>
    Failure = 8,
    /// <summary>host → terminal, after the receipts: id(16) kind(1) JSON body (Push.PushItem).</summary>
    Push = 9,
    /// <summary>terminal → host: id(16) kind(1) status(1) UTF-8 message (Push.PushAck).</summary>
    PushAck = 10,
    /// <summary>host → terminal: send your audit entries from sequence(8) on.</summary>
    GetAudit = 11,
    /// <summary>terminal → host: from(8), then whole audit frames back to back (Terminal.Storage.Audit.AuditEntryCodec); none: no more.</summary>
    Audit = 12,
}

/// <summary>Encoders and decoders of the messages' bodies.</summary>
internal static class DockMessage
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Of(DockMessageType type, ReadOnlySpan<byte> body = default) => [(byte)type, .. body];

    public static byte[] OfJson<T>(DockMessageType type, T value) => Of(type, JsonSerializer.SerializeToUtf8Bytes(value, Options));

    public static byte[] JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Json<T>(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<T>(body, Options) ?? throw new FormatException("empty message body");

    /// <summary>Entries per manifest page (about 30 KB of JSON, well inside a frame).</summary>
    public const int ManifestPage = 200;

    public static byte[] GetManifest(long fromSequence)
    {
        var body = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(body, fromSequence);
        return Of(DockMessageType.GetManifest, body);
    }

    /// <summary>The sequence a manifest or audit request starts from.</summary>
    public static long ReadFromSequence(ReadOnlySpan<byte> body) => body.Length == 8
        ? BinaryPrimitives.ReadInt64BigEndian(body)
        : throw new FormatException("malformed manifest or audit request");

    /// <summary>Bytes of audit frames per page (an entry is at most a few KB).</summary>
    public const int AuditPage = 128 * 1024;

    public static byte[] GetAudit(long fromSequence)
    {
        var body = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(body, fromSequence);
        return Of(DockMessageType.GetAudit, body);
    }

    public static byte[] Audit(long fromSequence, ReadOnlySpan<byte> frames)
    {
        var message = new byte[1 + 8 + frames.Length];
        message[0] = (byte)DockMessageType.Audit;
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(1), fromSequence);
        frames.CopyTo(message.AsSpan(9));
        return message;
    }

    public static (long From, byte[] Frames) ReadAudit(ReadOnlySpan<byte> body) => body.Length >= 8
        ? (BinaryPrimitives.ReadInt64BigEndian(body), body[8..].ToArray())
        : throw new FormatException("malformed audit page");

    public static byte[] GetChunk(long sequence, long offset, int max)
    {
        var body = new byte[20];
        BinaryPrimitives.WriteInt64BigEndian(body, sequence);
        BinaryPrimitives.WriteInt64BigEndian(body.AsSpan(8), offset);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(16), max);
        return Of(DockMessageType.GetChunk, body);
    }

    public static (long Sequence, long Offset, int Max) ReadGetChunk(ReadOnlySpan<byte> body) => body.Length == 20
        ? (BinaryPrimitives.ReadInt64BigEndian(body), BinaryPrimitives.ReadInt64BigEndian(body[8..]), BinaryPrimitives.ReadInt32BigEndian(body[16..]))
        : throw new FormatException("malformed chunk request");

    public static byte[] Chunk(long sequence, long offset, ReadOnlySpan<byte> bytes)
    {
        var message = new byte[1 + 16 + bytes.Length];
        message[0] = (byte)DockMessageType.Chunk;
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(1), sequence);
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(9), offset);
        bytes.CopyTo(message.AsSpan(17));
        return message;
    }

    public static (long Sequence, long Offset, byte[] Bytes) ReadChunk(ReadOnlySpan<byte> body) => body.Length >= 16
        ? (BinaryPrimitives.ReadInt64BigEndian(body), BinaryPrimitives.ReadInt64BigEndian(body[8..]), body[16..].ToArray())
        : throw new FormatException("malformed chunk");
}

/// <summary>The district's signed statement that it holds these packages of this terminal.</summary>
public sealed record DockReceipt(string TerminalId, IReadOnlyList<ReceiptLine> Packages);

/// <summary>One package named in a receipt.</summary>
public sealed record ReceiptLine(long Sequence, string Sha256);
