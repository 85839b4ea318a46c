using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Serial;

/// <summary>
/// Reads a Wacom protocol IV pad from a byte stream (the serial port's): sends the start command, then yields
/// each pen sample with the milliseconds since reading began. Ends when the stream ends (the pad was unplugged).
/// </summary>
public sealed class SerialPad
{
    private readonly Stream _stream;
    private readonly int _extraPressureBits;

    /// <summary>A pad on <paramref name="stream"/> (not owned) reporting <paramref name="extraPressureBits"/> extra pressure bits.</summary>
    public SerialPad(Stream stream, int extraPressureBits = 2)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _extraPressureBits = extraPressureBits is >= 0 and <= 2 ? extraPressureBits : throw new ArgumentOutOfRangeException(nameof(extraPressureBits));
    }

    /// <summary>"ST" + CR: start sending (wacom_serial4.c's command set).</summary>
    public static ReadOnlySpan<byte> StartCommand => "ST\r"u8;

    /// <summary>The samples as they come.</summary>
    public async IAsyncEnumerable<(PenSample Sample, int Milliseconds)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _stream.WriteAsync(StartCommand.ToArray(), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var buffer = new byte[4096];
        var filled = 0;
        while (true)
        {
            var read = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                yield break;
            }
            filled += read;
            var pending = new ReadOnlySequence<byte>(buffer, 0, filled);
            var samples = new List<PenSample>();
            while (WacomIvPacket.TryRead(ref pending, _extraPressureBits, out var sample))
            {
                samples.Add(sample);
            }
            var rest = (int)pending.Length;
            Buffer.BlockCopy(buffer, filled - rest, buffer, 0, rest);
            filled = rest;
            foreach (var s in samples)
            {
                yield return (s, (int)clock.ElapsedMilliseconds);
            }
        }
    }
}
