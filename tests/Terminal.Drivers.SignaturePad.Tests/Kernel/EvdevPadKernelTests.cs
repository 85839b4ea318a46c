using Terminal.Drivers.Linux;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Terminal.Drivers.SignaturePad.Evdev;
using Terminal.Drivers.SignaturePad.Interop;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Tests.Kernel;

/// <summary>
/// The evdev pad against a real kernel (the rig's guest): the test makes a virtual pen tablet through uinput, writes a
/// signature into it, and the driver reads it from /dev/input/eventN through the kernel's input core and evdev.
/// </summary>
[TestClass]
[TestCategory("Kernel")]
[DoNotParallelize]
public sealed class EvdevPadKernelTests
{
    // Ranges that do not start at 0, so scaling is seen; resolution 100 units/mm (a 200 × 120 mm pad).
    private static readonly AbsoluteAxis X = new(100, 100, 20100, 0, 0, 100);
    private static readonly AbsoluteAxis Y = new(50, 50, 12050, 0, 0, 100);
    private static readonly AbsoluteAxis Pressure = new(0, 0, 2047);

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void RequireRig() => KernelRig.Require();

    private static PenSample Raw(PenSample s) => s with { X = s.X + X.Minimum, Y = s.Y + Y.Minimum };

    private static EvdevPad OpenPad(string node)
    {
        var opened = EvdevPad.Open(node);
        Assert.IsInstanceOfType<PadOpenResult.Opened>(opened, opened.ToString());
        return ((PadOpenResult.Opened)opened).Pad;
    }

    [TestMethod]
    public void Open_VirtualTablet_NameRangesAndGrabKeepOthersOut()
    {
        using var tablet = VirtualPenTablet.CreatePen("Terminal test pen 签字", X, Y, Pressure);
        var raw = Libc.Open(tablet.EventNode, Libc.OpenReadOnly | Libc.OpenNonBlocking | Libc.OpenCloseOnExec);
        Assert.IsGreaterThanOrEqualTo(0, raw, "a second, ungrabbed reader (as the desktop would be)");
        try
        {
            var pad = OpenPad(tablet.EventNode);
            Assert.AreEqual("Terminal test pen 签字", pad.Name);
            Assert.AreEqual(X, pad.Axes.X);
            Assert.AreEqual(Y, pad.Axes.Y);
            Assert.AreEqual(Pressure, pad.Axes.Pressure);
            Assert.AreEqual((20000, 12000, 2047), (pad.Axes.Width, pad.Axes.Height, pad.Axes.MaxPressure));
            Assert.IsTrue(pad.IsGrabbed);

            var second = EvdevPad.Open(tablet.EventNode) as PadOpenResult.Failed;
            Assert.IsNotNull(second, "a second grab is refused");
            Assert.AreEqual(SignaturePadError.Busy, second.Error, second.Detail);
            Assert.AreEqual("签字板正被其他程序占用：请关闭其他签字界面后重试", second.Message);

            tablet.Write(Raw(new PenSample(500, 600, 300, true, true)));
            Assert.IsTrue(pad.TryRead(2000, out var sample, out _));
            Assert.AreEqual(new PenSample(500, 600, 300, true, true), sample);
            Assert.AreEqual(-1, (int)ReadRaw(raw, out var errno), "while grabbed the other reader gets nothing");
            Assert.AreEqual(Errno.EAGAIN, errno);

            pad.Dispose();
            tablet.Write(Raw(new PenSample(510, 600, 300, true, true)));
            var got = ReadRaw(raw, out _);
            Assert.AreEqual(2 * InputEventLayout.Size, (int)got, "released: the other reader gets ABS_X and SYN_REPORT");
            TestContext.WriteLine($"{tablet.EventNode}: \"{pad.Name}\" X {pad.Axes.X}, Y {pad.Axes.Y}, pressure {pad.Axes.Pressure}; grab held others out, release let them in");
        }
        finally
        {
            Libc.Close(raw);
        }
    }

    private static unsafe nint ReadRaw(int fd, out int errno)
    {
        var buffer = stackalloc byte[16 * InputEventLayout.Size];
        var got = Libc.Read(fd, buffer, 16 * InputEventLayout.Size);
        errno = got < 0 ? Marshal.GetLastPInvokeError() : 0;
        return got;
    }

    [TestMethod]
    public void Read_SignatureThroughTheKernel_SameSamplesAndStrokes()
    {
        using var tablet = VirtualPenTablet.CreatePen("Terminal test pen", X, Y, Pressure);
        using var pad = OpenPad(tablet.EventNode);
        var signature = PadSimulator.SampleSignature(Pressure.Maximum).ToList();
        var recorder = pad.CreateRecorder();
        var read = new List<(PenSample Sample, int Milliseconds)>();
        var clock = Stopwatch.StartNew();
        // Batches of 8 frames (at most 48 events) stay inside evdev's per-reader queue: nothing is dropped.
        foreach (var batch in signature.Chunk(8))
        {
            foreach (var s in batch)
            {
                tablet.Write(Raw(s));
            }
            for (var i = 0; i < batch.Length; i++)
            {
                Assert.IsTrue(pad.TryRead(2000, out var sample, out var ms), $"sample {read.Count} arrived");
                read.Add((sample, ms));
                recorder.Add(sample, ms);
            }
        }
        var elapsed = clock.Elapsed;
        Assert.IsFalse(pad.TryRead(200, out _, out _), "no sample beyond those written");
        CollectionAssert.AreEqual(signature, read.Select(r => r.Sample).ToList());
        Assert.AreEqual(0, read[0].Milliseconds);
        CollectionAssert.AreEqual(read.Select(r => r.Milliseconds).Order().ToList(), read.Select(r => r.Milliseconds).ToList(), "kernel timestamps rise");
        Assert.AreEqual(0, pad.DroppedRuns);

        var expected = new StrokeRecorder(20000, 12000, 2047);
        foreach (var (s, ms) in signature.Zip(read.Select(r => r.Milliseconds)))
        {
            expected.Add(s, ms);
        }
        var ink = recorder.Ink();
        Assert.HasCount(2, ink.Strokes);
        Assert.AreEqual(expected.Ink().Sha256(), ink.Sha256(), "the same SignatureInk as the serial pad's data for this signature");
        TestContext.WriteLine($"{tablet.EventsWritten} input_events in {signature.Count} frames through uinput → evdev → {read.Count} samples, "
            + $"{ink.Strokes.Sum(s => s.Count)} points in {ink.Strokes.Count} strokes, in {elapsed.TotalMilliseconds:F0} ms");
    }

    [TestMethod]
    public void Read_ReaderFellBehind_SynDroppedThenTheDevicesState()
    {
        using var tablet = VirtualPenTablet.CreatePen("Terminal test pen", X, Y, Pressure);
        using var pad = OpenPad(tablet.EventNode);
        const int frames = 300; // ~4 events each: far more than evdev queues for one reader
        for (var i = 0; i < frames; i++)
        {
            tablet.Write(Raw(new PenSample(1000 + i * 10, 2000 + i * 5, 500 + i, true, true)));
        }
        var last = new PenSample(5000, 6000, 0, TipDown: false, InProximity: true);
        tablet.Write(Raw(last));
        var samples = new List<PenSample>();
        while (pad.TryRead(500, out var sample, out _))
        {
            samples.Add(sample);
        }
        TestContext.WriteLine($"{tablet.EventsWritten} events written unread; {samples.Count} samples read, {pad.DroppedRuns} dropped run(s)");
        Assert.IsGreaterThanOrEqualTo(1, pad.DroppedRuns, "the kernel reported SYN_DROPPED");
        Assert.IsLessThan(frames + 1, samples.Count, "some frames were lost");
        Assert.AreEqual(last, samples[^1], "after the drop the state is read back from the device: the pen is up at (5000, 6000)");
    }

    [TestMethod]
    public async Task ReadAsync_TabletDestroyedWhileWaiting_Unplugged()
    {
        using var tablet = VirtualPenTablet.CreatePen("Terminal test pen", X, Y, Pressure);
        using var pad = OpenPad(tablet.EventNode);
        var node = tablet.EventNode;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var samples = pad.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        tablet.Write(Raw(new PenSample(700, 800, 900, true, true)));
        Assert.IsTrue(await samples.MoveNextAsync());
        Assert.AreEqual(new PenSample(700, 800, 900, true, true), samples.Current.Sample);
        var waiting = samples.MoveNextAsync().AsTask();
        await Task.Delay(300);
        Assert.IsFalse(waiting.IsCompleted, "the reader waits for the pen");
        var clock = Stopwatch.StartNew();
        tablet.Destroy();
        // Unregistering an input device first releases its held buttons (input_dev_release_keys: BTN_TOOL_PEN and
        // BTN_TOUCH to 0, SYN_REPORT), then evdev marks the node dead. A reader woken by the release may read that
        // pen-up sample before read() answers ENODEV, or find the node dead already: both are the kernel's behaviour.
        var released = new List<PenSample>();
        var e = await Assert.ThrowsExactlyAsync<SignaturePadException>(async () =>
        {
            if (await waiting)
            {
                released.Add(samples.Current.Sample);
                while (await samples.MoveNextAsync())
                {
                    released.Add(samples.Current.Sample);
                }
            }
        });
        TestContext.WriteLine($"unplug seen after {clock.ElapsedMilliseconds} ms, after {released.Count} release sample(s): {e.Detail} → {e.Message}");
        Assert.IsLessThanOrEqualTo(1, released.Count, "at most the kernel's release of the held buttons");
        if (released.Count == 1)
        {
            Assert.AreEqual(new PenSample(700, 800, 0, TipDown: false, InProximity: false), released[0], "the release lifts the pen");
        }
        Assert.IsLessThan(5000, clock.ElapsedMilliseconds, "the unplug ends the wait at once, not the 15 s cancellation");
        Assert.AreEqual(SignaturePadError.Unplugged, e.Error);
        Assert.AreEqual("签字板已断开：请重新插好签字板的数据线后再签", e.Message);
        Assert.AreEqual($"read on {node}: ENODEV", e.Detail);
        var reopened = EvdevPad.Open(node) as PadOpenResult.Failed;
        Assert.IsNotNull(reopened);
        Assert.AreEqual(SignaturePadError.NoDevice, reopened.Error, reopened.Detail);
    }

    [TestMethod]
    public void Open_UinputKeyboard_NotAPen()
    {
        using var keyboard = VirtualPenTablet.CreateKeyboard("Terminal test keyboard");
        var failed = EvdevPad.Open(keyboard.EventNode) as PadOpenResult.Failed;
        Assert.IsNotNull(failed);
        Assert.AreEqual(SignaturePadError.NotAPen, failed.Error);
        Assert.AreEqual("所选设备不是签字板：请联系技术人员检查终端的签字板设置", failed.Message);
        StringAssert.Contains(failed.Detail, "has no EV_ABS");
    }
}
