using Terminal.Drivers.SignaturePad.Evdev;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;
using static Terminal.Drivers.SignaturePad.Tests.Evdev.EventBytes;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

[TestClass]
public sealed class PenReportAssemblerTests
{
    // A tablet whose ranges do not start at 0: samples come out offset by the minimums.
    private static readonly PenAxes Axes = new(new AbsoluteAxis(100, 100, 20100), new AbsoluteAxis(50, 50, 12050), new AbsoluteAxis(0, 0, 2047));

    private static List<PenReport> Feed(PenReportAssembler assembler, byte[] bytes)
    {
        var reports = new List<PenReport>();
        ReadOnlySpan<byte> buffer = bytes;
        while (InputEventLayout.TryRead(ref buffer, out var e))
        {
            if (assembler.TryAdd(e, out var report))
            {
                reports.Add(report);
            }
        }
        return reports;
    }

    [TestMethod]
    public void TryAdd_FrameUpToSynReport_GivesOneScaledSample()
    {
        var reports = Feed(new PenReportAssembler(Axes), Of(
            (Key, ToolPen, 1), (Abs, X, 1100), (Abs, Y, 2050), (Abs, Pressure, 700), (Key, Touch, 1), (Syn, Report, 0)));
        Assert.HasCount(1, reports);
        Assert.AreEqual(new PenSample(1000, 2000, 700, TipDown: true, InProximity: true), reports[0].Sample);
        Assert.AreEqual(1000_005_000, reports[0].TimestampMicroseconds, "the SYN_REPORT's time stamps the sample");
    }

    [TestMethod]
    public void TryAdd_OnlyChangedValues_KeepsTheOthers()
    {
        var reports = Feed(new PenReportAssembler(Axes), Of(
            (Key, ToolPen, 1), (Abs, X, 1100), (Abs, Y, 2050), (Abs, Pressure, 700), (Key, Touch, 1), (Syn, Report, 0),
            (Abs, X, 1200), (Syn, Report, 0),
            (Abs, Pressure, 0), (Key, Touch, 0), (Key, Stylus, 1), (Syn, Report, 0)));
        Assert.HasCount(3, reports);
        Assert.AreEqual(new PenSample(1100, 2000, 700, true, true), reports[1].Sample);
        Assert.AreEqual(new PenSample(1100, 2000, 0, false, true, BarrelButton: true), reports[2].Sample);
    }

    [TestMethod]
    public void TryAdd_FrameWithNothingForTheInk_GivesNoSample()
    {
        var reports = Feed(new PenReportAssembler(Axes), Of((Msc, 4, 0x1234), (Syn, Report, 0), (Syn, Report, 0)));
        Assert.IsEmpty(reports);
    }

    [TestMethod]
    public void TryAdd_SynDropped_DiscardsUpToAndIncludingTheNextSynReport()
    {
        var assembler = new PenReportAssembler(Axes);
        var reports = Feed(assembler, Of(
            (Key, ToolPen, 1), (Abs, X, 1100), (Key, Touch, 1), (Syn, Report, 0),
            (Abs, X, 1300), (Syn, Dropped, 0), (Abs, X, 9999), (Abs, Y, 9999), (Key, Touch, 0), (Syn, Report, 0)));
        Assert.HasCount(1, reports, "nothing from the dropped run, not even the frame cut by SYN_DROPPED");
        Assert.IsTrue(assembler.NeedsResync);
        Assert.AreEqual(1, assembler.DroppedRuns);
        Assert.IsFalse(assembler.TryAdd(new InputEvent(1000, 0, Syn, Report, 0), out _), "no change since the drop: no frame");
    }

    [TestMethod]
    public void Resync_AfterDrop_GivesTheDevicesStateThenFramesContinueFromIt()
    {
        var assembler = new PenReportAssembler(Axes);
        Feed(assembler, Of((Key, ToolPen, 1), (Key, Touch, 1), (Syn, Dropped, 0), (Abs, X, 5), (Syn, Report, 0)));
        var keys = new byte[96];
        keys[ToolPen / 8] |= 1 << (ToolPen % 8); // in range, tip up: the pen was lifted during the drop
        var resynced = assembler.Resync(3100, 4050, 0, keys);
        Assert.AreEqual(new PenSample(3000, 4000, 0, TipDown: false, InProximity: true), resynced.Sample);
        Assert.AreEqual(1000_004_000, resynced.TimestampMicroseconds);
        Assert.IsFalse(assembler.NeedsResync);
        var next = Feed(assembler, Of((Abs, Y, 4060), (Syn, Report, 0)));
        Assert.AreEqual(new PenSample(3000, 4010, 0, false, true), next.Single().Sample);
    }

    [TestMethod]
    public void Scale_OutOfRangeAndRubber_ClampedAndNoInk()
    {
        Assert.AreEqual(new PenSample(0, 12000, 2047, true, true), Axes.Scale(-5, 99999, 5000, touch: true, pen: true, rubber: false, stylus: false));
        Assert.AreEqual(new PenSample(10, 10, 0, false, true), Axes.Scale(110, 60, 900, touch: true, pen: false, rubber: true, stylus: false));
        var noPressure = Axes with { Pressure = null };
        Assert.AreEqual(1, noPressure.MaxPressure);
        Assert.AreEqual(1, noPressure.Scale(110, 60, 0, true, true, false, false).Pressure);
    }

    [TestMethod]
    public void Recorder_EvdevFramesOfTheSampleSignature_SameStrokesAsTheSerialPad()
    {
        var signature = PadSimulator.SampleSignature(2047).ToList();
        var events = new List<(ushort, ushort, int)>();
        var previous = new PenSample(-1, -1, -1, false, false);
        foreach (var s in signature)
        {
            if (s.InProximity != previous.InProximity) events.Add((Key, ToolPen, s.InProximity ? 1 : 0));
            if (s.X != previous.X) events.Add((Abs, X, s.X + 100));
            if (s.Y != previous.Y) events.Add((Abs, Y, s.Y + 50));
            if (s.Pressure != previous.Pressure) events.Add((Abs, Pressure, s.Pressure));
            if (s.TipDown != previous.TipDown) events.Add((Key, Touch, s.TipDown ? 1 : 0));
            events.Add((Syn, Report, 0));
            previous = s;
        }
        var viaEvdev = Axes.CreateRecorder();
        var t = 0;
        foreach (var r in Feed(new PenReportAssembler(Axes), Of([.. events])))
        {
            viaEvdev.Add(r.Sample, t += 5);
        }
        var viaSerial = new StrokeRecorder(20000, 12000, 2047);
        t = 0;
        foreach (var s in signature)
        {
            viaSerial.Add(s, t += 5);
        }
        Assert.AreEqual(viaSerial.Ink().Sha256(), viaEvdev.Ink().Sha256());
        Assert.HasCount(2, viaEvdev.Ink().Strokes);
    }
}
