using System.Buffers;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Serial;

/// <summary>
/// Wacom serial protocol IV pen packets (hardware-docs/signature-pad; facts from the Linux kernel's
/// drivers/input/tablet/wacom_serial4.c). Seven bytes; only the first has bit 7 set:
/// <code>
/// b0: 1 | proximity | stylus | 0 | 0 | P0 | X15 X14        b1: 0 X13..X7     b2: 0 X6..X0
/// b3: 0 | buttons B3..B0 (B0 = tip) | P1 | Y15 Y14          b4: 0 Y13..Y7     b5: 0 Y6..Y0
/// b6: 0 | pressure bits (7), with the extra bits P1, P0 appended below as the model has them;
///     the pressure is offset binary: its top bit is flipped (kernel: z ^= 0x40 &lt;&lt; extra_z_bits)
/// </code>
/// Pure: bytes in, samples out. A byte without bit 7 where a packet should start is skipped (resync).
/// </summary>
public static class WacomIvPacket
{
    /// <summary>Bytes in a packet.</summary>
    public const int Length = 7;

    /// <summary>The largest pressure for a number of extra pressure bits (0, 1 or 2: 127, 255, 511).</summary>
    public static int MaxPressure(int extraBits) => (0x80 << extraBits) - 1;

    /// <summary>Reads one packet; false when more bytes are needed. Skips bytes before a sync byte.</summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int extraPressureBits, out PenSample sample)
    {
        sample = default;
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryPeek(out var first) && (first & 0x80) == 0)
        {
            reader.Advance(1); // not a packet start: noise or the tail of a broken packet
        }
        buffer = buffer.Slice(reader.Position);
        if (buffer.Length < Length)
        {
            return false;
        }
        Span<byte> p = stackalloc byte[Length];
        buffer.Slice(0, Length).CopyTo(p);
        for (var i = 1; i < Length; i++)
        {
            if ((p[i] & 0x80) != 0)
            {
                buffer = buffer.Slice(i); // a new packet started inside this one: this one was cut short
                return TryRead(ref buffer, extraPressureBits, out sample);
            }
        }
        buffer = buffer.Slice(Length);
        sample = Decode(p, extraPressureBits);
        return true;
    }

    /// <summary>Decodes a whole packet.</summary>
    public static PenSample Decode(ReadOnlySpan<byte> p, int extraPressureBits)
    {
        if (p.Length != Length || (p[0] & 0x80) == 0)
        {
            throw new ArgumentException("a Wacom IV packet is 7 bytes, the first with bit 7 set", nameof(p));
        }
        var proximity = (p[0] & 0x40) != 0;
        var stylus = (p[0] & 0x20) != 0;
        var buttons = (p[3] & 0x78) >> 3;
        var x = (p[0] & 3) << 14 | p[1] << 7 | p[2];
        var y = (p[3] & 3) << 14 | p[4] << 7 | p[5];
        var pressure = 0;
        if (proximity && stylus)
        {
            var z = p[6] & 0x7F;
            if (extraPressureBits >= 1)
            {
                z = z << 1 | (p[3] & 4) >> 2;
            }
            if (extraPressureBits > 1)
            {
                z = z << 1 | (p[0] & 4) >> 2;
            }
            pressure = z ^ (0x40 << extraPressureBits);
        }
        return new PenSample(x, y, pressure, proximity && stylus && (buttons & 1) != 0, proximity);
    }

    /// <summary>Encodes a sample as the pad sends it (the simulator's side).</summary>
    public static byte[] Encode(PenSample sample, int extraPressureBits)
    {
        var z = sample.Pressure ^ (0x40 << extraPressureBits);
        var p0 = extraPressureBits > 1 ? z & 1 : 0;
        if (extraPressureBits > 1)
        {
            z >>= 1;
        }
        var p1 = extraPressureBits >= 1 ? z & 1 : 0;
        if (extraPressureBits >= 1)
        {
            z >>= 1;
        }
        var buttons = sample.TipDown ? 1 : 0;
        return
        [
            (byte)(0x80 | (sample.InProximity ? 0x40 : 0) | 0x20 | p0 << 2 | (sample.X >> 14 & 3)),
            (byte)(sample.X >> 7 & 0x7F),
            (byte)(sample.X & 0x7F),
            (byte)(buttons << 3 | p1 << 2 | (sample.Y >> 14 & 3)),
            (byte)(sample.Y >> 7 & 0x7F),
            (byte)(sample.Y & 0x7F),
            (byte)(z & 0x7F),
        ];
    }
}
