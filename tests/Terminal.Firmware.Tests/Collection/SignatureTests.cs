using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Signing;
using Terminal.Records.Rules;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Collection;

/// <summary>The pad service with the pad simulator on the far end of a pty, and the signature bound to the content hash.</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class SignatureTests
{
    [TestMethod]
    public async Task Begin_PadSimulatorSigns_StrokesArriveLiveAndClearStartsOver()
    {
        using var pty = PtyPair.Start();
        using var device = PtyPair.OpenSerial(pty.DeviceEnd, 9600);
        using var pad = new SignaturePadService(new SignaturePadOptions { PortName = pty.HostEnd }, NullLogger<SignaturePadService>.Instance);
        var id = Guid.NewGuid();
        Assert.IsTrue(pad.Begin(id));
        await new PadSimulator().SignAsync(device.BaseStream, PadSimulator.SampleSignature());
        var expected = PadSimulator.SampleSignature().Count();
        await WaitAsync(() => pad.Samples(id) == expected);
        Assert.HasCount(2, pad.Ink(id)!.Strokes);
        Assert.IsNull(pad.Ink(Guid.NewGuid()), "another record sees no strokes");
        Assert.IsTrue(pad.Clear(id));
        Assert.IsTrue(pad.Ink(id)!.IsEmpty);
        await new PadSimulator().SignAsync(device.BaseStream, PadSimulator.SampleSignature()); // the pad was started again
        await WaitAsync(() => pad.Samples(id) == expected);
        pad.End(id);
        Assert.IsNull(pad.Ink(id));
    }

    [TestMethod]
    public void Begin_NoPad_IsRefusedSayingWhatToCheck()
    {
        using var pad = new SignaturePadService(new SignaturePadOptions { PortName = "/dev/no-such-pad" }, NullLogger<SignaturePadService>.Instance);
        StringAssert.Contains(pad.State, "未找到签字板");
        Assert.IsFalse(pad.Begin(Guid.NewGuid()));
        StringAssert.Contains(pad.State, "请检查签字板连线");
    }

    [TestMethod]
    public void Accept_InkForTheShownContent_BindsTheSignatureAndFinalizeSealsIt()
    {
        using var f = new AppStoreFixture();
        var signing = new SignatureWorkflow(f.State, TimeProvider.System);
        var ink = SampleInk();
        var shown = RecordSerializer.ContentHash(f.Record);
        var record = signing.Accept(f.RecordId, ink, shown);
        Assert.AreEqual(shown, record.Signature!.ContentSha256);
        Assert.AreEqual(ink.Sha256(), record.Signature.StrokesSha256);
        Assert.IsFalse(SignatureBindingRule.Check(f.Record, AppStoreFixture.Form).Any());
        CollectionAssert.AreEqual(ink.Canonical(), f.Store.LoadPhoto(f.RecordId, record.Signature.StrokesSha256));
        var refused = Assert.ThrowsExactly<CollectionRefusedException>(() => signing.Finalize(f.RecordId));
        StringAssert.StartsWith(refused.Message, "还不能定稿");
        Assert.IsNotNull(f.Store.LoadDraft(f.RecordId), "an incomplete record stays a draft");
        Assert.IsTrue(RecordValidator.Validate(f.Record).Any(i => i.Severity == IssueSeverity.Error));
        signing.Withdraw(f.RecordId);
        Assert.IsNull(f.Record.Signature);
    }

    [TestMethod]
    public void Accept_ContentChangedOrNothingDrawn_IsRefused()
    {
        using var f = new AppStoreFixture();
        var signing = new SignatureWorkflow(f.State, TimeProvider.System);
        var changed = Assert.ThrowsExactly<CollectionRefusedException>(() => signing.Accept(f.RecordId, SampleInk(), new string('0', 64)));
        StringAssert.Contains(changed.Message, "内容有改动");
        var empty = Assert.ThrowsExactly<CollectionRefusedException>(() => signing.Accept(f.RecordId, new Drivers.SignaturePad.Strokes.SignatureInk(10, 10, 10, []), RecordSerializer.ContentHash(f.Record)));
        StringAssert.Contains(empty.Message, "还没有签名");
        Assert.IsNull(f.Record.Signature);
    }

    /// <summary>The pad simulator's sample signature as the recorder keeps it.</summary>
    internal static Drivers.SignaturePad.Strokes.SignatureInk SampleInk()
    {
        var recorder = new Drivers.SignaturePad.Strokes.StrokeRecorder(15200, 9500, 511);
        var ms = 0;
        foreach (var sample in PadSimulator.SampleSignature())
        {
            recorder.Add(sample, ms += 5);
        }
        return recorder.Ink();
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
