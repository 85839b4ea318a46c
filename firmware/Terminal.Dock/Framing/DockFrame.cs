using System.Buffers.Binary;
using System.IO.Hashing;

namespace Terminal.Dock.Framing;

/// <summary>
/// A frame of the dock link (hardware-docs/dock-protocol.md §1):
/// <code>
/// 0xD0 0xCC | Length (4, big-endian: bytes of Type + Payload) | Type (1) | Payload | CRC-32 (4, big-endian, over Length..Payload)
/// </code>
/// A frame whose CRC does not match is dropped and the reader looks for the next D0 CC.
/// </summary>
public static class DockFrame
{
    /// <summary>The two sync bytes.</summary>
    public static ReadOnlySpan<byte> Sync => [0xD0, 0xCC];

    /// <summary>Sync + Length.</summary>
    public const int HeaderLength = 6;

    /// <summary>Bytes after the body.</summary>
    public const int TrailerLength = 4;

    /// <summary>Largest Type + Payload accepted: a 256 KiB chunk plus its envelope.</summary>
    public const int MaxBodyLength = 256 * 1024 + 256;

    /// <summary>The whole frame for a type and payload.</summary>
    public static byte[] Encode(DockFrameType type, ReadOnlySpan<byte> payload)
    {
        var body = 1 + payload.Length;
        if (body > MaxBodyLength)
        {
            throw new ArgumentException($"a frame carries at most {MaxBodyLength - 1} payload bytes", nameof(payload));
        }
        var frame = new byte[HeaderLength + body + TrailerLength];
        Sync.CopyTo(frame);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(2), (uint)body);
        frame[HeaderLength] = (byte)type;
        payload.CopyTo(frame.AsSpan(HeaderLength + 1));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(HeaderLength + body), Crc32.HashToUInt32(frame.AsSpan(2, 4 + body)));
        return frame;
    }
}

/// <summary>What a frame carries.</summary>
public enum DockFrameType : byte
{
    /// <summary>Handshake, step 1 (host → terminal): the host's nonce.</summary>
    HostHello = 1,
    /// <summary>Handshake, step 2 (terminal → host): terminal id, nonce, ephemeral key, signature.</summary>
    TerminalHello = 2,
    /// <summary>Handshake, step 3 (host → terminal): ephemeral key, signature.</summary>
    HostConfirm = 3,
    /// <summary>Any message after the handshake, sealed with the session key (AES-256-GCM, counter).</summary>
    Sealed = 4,
    /// <summary>A refusal in the clear (unknown terminal, bad signature), with a reason.</summary>
    Refused = 5,
}
