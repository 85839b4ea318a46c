using System.IO.Ports;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;
using Terminal.Testing;

namespace Terminal.Drivers.SignaturePad.Tests;

/// <summary>The serial pad code against the pad simulator over a real pty pair.</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class PadOverPtyTests
{
    private static SerialPort Open(string path)
    {
        var port = new SerialPort(path, 9600) { DtrEnable = false, RtsEnable = false };
        port.Open();
        return port;
    }

    [TestMethod]
    public async Task Read_SignatureWithNoiseOverAPty_GivesTheSameStrokesAsSent()
    {
        using var pty = PtyPair.Start();
        using var terminal = Open(pty.HostEnd);
        using var pad = Open(pty.DeviceEnd);
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
