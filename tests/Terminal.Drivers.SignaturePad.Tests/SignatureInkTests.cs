using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Tests;

[TestClass]
public sealed class SignatureInkTests
{
    private static SignatureInk Record(IEnumerable<PenSample> samples)
    {
        var recorder = new StrokeRecorder(15200, 9500, 511);
        var t = 0;
        foreach (var s in samples)
        {
            recorder.Add(s, t += 5);
        }
        return recorder.Ink();
    }

    [TestMethod]
    public void Recorder_PenLiftedBetween_GivesTwoStrokes()
    {
        var ink = Record(PadSimulator.SampleSignature());
        Assert.HasCount(2, ink.Strokes);
        Assert.HasCount(101, ink.Strokes[0]);
        Assert.HasCount(41, ink.Strokes[1]);
        Assert.IsFalse(ink.IsEmpty);
    }

    [TestMethod]
    public void Canonical_IsStableAndItsHashChangesWithAnyPoint()
    {
        var ink = Record(PadSimulator.SampleSignature());
        CollectionAssert.AreEqual(ink.Canonical(), Record(PadSimulator.SampleSignature()).Canonical());
        StringAssert.StartsWith(System.Text.Encoding.UTF8.GetString(ink.Canonical()), "{\"height\":9500,\"maxPressure\":511,\"strokes\":[[[1000,3000,255,5],");
        var moved = ink with { Strokes = [[.. ink.Strokes[0].Select((p, i) => i == 7 ? p with { X = p.X + 1 } : p)], ink.Strokes[1]] };
        Assert.AreNotEqual(ink.Sha256(), moved.Sha256());
    }

    [TestMethod]
    public void Render_GivesAPngWithInkOnWhite()
    {
        var png = SignatureRenderer.RenderPng(Record(PadSimulator.SampleSignature()));
        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.AreEqual(600, bitmap.Width);
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }
        Assert.IsGreaterThan(500, dark, "the strokes are drawn");
        Assert.IsLessThan(600 * 240 / 4, dark, "on a white background");
    }
}
