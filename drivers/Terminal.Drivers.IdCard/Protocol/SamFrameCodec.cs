using System.Buffers;
using System.Buffers.Binary;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// Encodes and decodes SAM frames. Pure: bytes in, values out, no I/O. Decoding follows the Kestrel pattern:
/// <c>TryRead…</c> returns false when more bytes are needed, and throws <see cref="SamProtocolException"/> for a
/// frame that cannot be right — after advancing <c>buffer</c> one byte past that frame's preamble, so the caller
/// can resynchronise by simply calling again. Garbage before a preamble is skipped silently.
/// </summary>
public static class SamFrameCodec
{
    /// <summary>A request frame for <paramref name="command"/> with optional data.</summary>
    public static byte[] EncodeRequest(SamCommand command, ReadOnlySpan<byte> data = default)
    {
        var frame = new byte[SamFrame.HeaderLength + 2 + data.Length + 1];
        WriteFrame(frame, [command.Code, command.Parameter], data);
        return frame;
    }

    /// <summary>A response frame (what a reader sends): SW1, SW2, SW3 and data.</summary>
    public static byte[] EncodeResponse(SamStatus status, ReadOnlySpan<byte> data = default, byte sw1 = 0, byte sw2 = 0)
    {
        var frame = new byte[SamFrame.HeaderLength + 3 + data.Length + 1];
        WriteFrame(frame, [sw1, sw2, (byte)status], data);
        return frame;
    }

    private static void WriteFrame(Span<byte> frame, ReadOnlySpan<byte> head, ReadOnlySpan<byte> data)
    {
        var length = head.Length + data.Length + 1;
        if (length > SamFrame.MaxLength)
        {
            throw new ArgumentException($"a frame carries at most {SamFrame.MaxLength - head.Length - 1} data bytes", nameof(data));
        }
        SamFrame.Preamble.CopyTo(frame);
        BinaryPrimitives.WriteUInt16BigEndian(frame[SamFrame.LengthOffset..], (ushort)length);
        head.CopyTo(frame[SamFrame.BodyOffset..]);
        data.CopyTo(frame[(SamFrame.BodyOffset + head.Length)..]);
        frame[^1] = SamFrame.Checksum(frame[SamFrame.LengthOffset..^1]);
    }

    /// <summary>Reads one response frame from the front of <paramref name="buffer"/>; see the class summary.</summary>
    public static bool TryReadResponse(ref ReadOnlySequence<byte> buffer, out SamResponse response)
    {
        response = null!;
        if (!TryReadBody(ref buffer, SamFrame.MinResponseLength, out var body))
        {
            return false;
        }
        var sw = body.Slice(0, 3).ToArray();
        response = new SamResponse(sw[0], sw[1], (SamStatus)sw[2], body.Slice(3).ToArray());
        return true;
    }

    /// <summary>Reads one request frame (the simulator's side); see the class summary.</summary>
    public static bool TryReadRequest(ref ReadOnlySequence<byte> buffer, out SamRequest request)
    {
        request = null!;
        if (!TryReadBody(ref buffer, SamFrame.MinRequestLength, out var body))
        {
            return false;
        }
        var head = body.Slice(0, 2).ToArray();
        request = new SamRequest(new SamCommand(head[0], head[1]), body.Slice(2).ToArray());
        return true;
    }

    /// <summary>Finds a frame, checks its length and checksum, returns the bytes between Len and CHK.</summary>
    private static bool TryReadBody(ref ReadOnlySequence<byte> buffer, int minLength, out ReadOnlySequence<byte> body)
    {
        body = default;
        if (!SkipToPreamble(ref buffer))
        {
            return false;
        }
        if (buffer.Length < SamFrame.HeaderLength)
        {
            return false;
        }
        Span<byte> lengthBytes = stackalloc byte[2];
        buffer.Slice(SamFrame.LengthOffset, 2).CopyTo(lengthBytes);
        int length = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
        if (length < minLength || length > SamFrame.MaxLength)
        {
            buffer = buffer.Slice(1);
            throw new SamProtocolException($"frame length {length} outside {minLength}..{SamFrame.MaxLength}");
        }
        var total = SamFrame.HeaderLength + length;
        if (buffer.Length < total)
        {
            return false;
        }
        var frame = buffer.Slice(0, total);
        var expected = frame.Slice(total - 1, 1).FirstSpan[0];
        var actual = Xor(frame.Slice(SamFrame.LengthOffset, total - 1 - SamFrame.LengthOffset));
        if (actual != expected)
        {
            buffer = buffer.Slice(1);
            throw new SamProtocolException($"checksum {expected:X2} where the bytes give {actual:X2}");
        }
        body = frame.Slice(SamFrame.BodyOffset, length - 1);
        buffer = buffer.Slice(total);
        return true;
    }

    /// <summary>
    /// Drops bytes before the first complete preamble. Returns false (keeping a possible partial preamble at the
    /// end) when no complete preamble is in the buffer yet.
    /// </summary>
    private static bool SkipToPreamble(ref ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var preamble = SamFrame.Preamble;
        while (reader.TryAdvanceTo(preamble[0], advancePastDelimiter: false))
        {
            if (reader.IsNext(preamble))
            {
                buffer = buffer.Slice(reader.Position);
                return true;
            }
            if (reader.Remaining < preamble.Length && IsPrefixOfPreamble(reader.UnreadSequence))
            {
                buffer = buffer.Slice(reader.Position);
                return false;
            }
            reader.Advance(1);
        }
        buffer = buffer.Slice(buffer.End);
        return false;
    }

    private static bool IsPrefixOfPreamble(ReadOnlySequence<byte> tail)
    {
        Span<byte> bytes = stackalloc byte[(int)tail.Length];
        tail.CopyTo(bytes);
        return SamFrame.Preamble.StartsWith(bytes);
    }

    private static byte Xor(ReadOnlySequence<byte> bytes)
    {
        byte x = 0;
        foreach (var segment in bytes)
        {
            x ^= SamFrame.Checksum(segment.Span);
        }
        return x;
    }
}
