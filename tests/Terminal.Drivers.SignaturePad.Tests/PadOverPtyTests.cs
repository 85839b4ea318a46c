using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;
using Terminal.Testing;

namespace Terminal.Drivers.SignaturePad.Tests;

/// <summary>The serial pad code against the pad simulator over a real pty pair.</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class PadOverPtyTests
{

    [TestMethod]
    public async Task Read_SignatureWithNoiseOverAPty_GivesTheSameStrokesAsSent()
    {
        using var pty = PtyPair.Start();
        using var terminal = PtyPair.OpenSerial(pty.HostEnd, 9600);
        using var pad = PtyPair.OpenSerial(pty.DeviceEnd, 9600);
        var expected = PadSimulator.SampleSignature().ToList();
        var sending = new PadSimulator().SignAsync(pad.BaseStream, expected, noiseEvery: 10);
        var recorder = new StrokeRecorder(15200, 9500, 511);
        var count = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var (sample, ms) in new SerialPad(terminal.BaseStream).ReadAsync(stop.Token))
        {
            recorder.Add(sample, ms);
            if (++count == expected.Count)
            {
                break;
            }
        }
        await sending;
        var ink = recorder.Ink();
        Assert.HasCount(2, ink.Strokes);
        CollectionAssert.AreEqual(expected.Where(s => s.TipDown).Select(s => (s.X, s.Y, s.Pressure)).ToArray(),
            ink.Strokes.SelectMany(s => s).Select(p => (p.X, p.Y, p.Pressure)).ToArray());
    }
}
