using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Serial;

/// <summary>
/// The pad's side of the serial line, for tests and the demo: waits for the start command, then sends the
/// samples of a signature as Wacom IV packets, optionally with noise bytes between packets.
/// </summary>
public sealed class PadSimulator
{
    private readonly int _extraPressureBits;

    /// <summary>A simulated pad with <paramref name="extraPressureBits"/> extra pressure bits.</summary>
    public PadSimulator(int extraPressureBits = 2) => _extraPressureBits = extraPressureBits;

    /// <summary>Sends <paramref name="samples"/> after the host's start command; noise (bytes without bit 7) every <paramref name="noiseEvery"/> packets.</summary>
    public async Task SignAsync(Stream stream, IEnumerable<PenSample> samples, int noiseEvery = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var command = new byte[3];
        var got = 0;
        while (got < 3)
        {
            var n = await stream.ReadAsync(command.AsMemory(got), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }
            got += n;
        }
        var index = 0;
        foreach (var sample in samples)
        {
            if (noiseEvery > 0 && ++index % noiseEvery == 0)
            {
                await stream.WriteAsync(new byte[] { 0x11, 0x22, 0x7F }, cancellationToken).ConfigureAwait(false);
            }
            await stream.WriteAsync(WacomIvPacket.Encode(sample, _extraPressureBits), cancellationToken).ConfigureAwait(false);
        }
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A made-up signature: two strokes (a wave and a line) with pressure rising and falling, pen lifted between.</summary>
    public static IEnumerable<PenSample> SampleSignature(int maxPressure = 511)
    {
        for (var i = 0; i <= 100; i++)
        {
            yield return new PenSample(1000 + i * 80, 3000 + (int)(800 * Math.Sin(i / 8.0)), maxPressure * (50 + i % 50) / 100, true, true);
        }
        yield return new PenSample(9000, 3000, 0, false, true);
        for (var i = 0; i <= 40; i++)
        {
            yield return new PenSample(2000 + i * 150, 5000, maxPressure / 2, true, true);
        }
        yield return new PenSample(8000, 5000, 0, false, false);
    }
}
