using System.Buffers;
using CsCheck;
using Terminal.Testing.IdCard;
using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Tests.Protocol;

[TestClass]
public sealed class SamFrameCodecTests
{
    [TestMethod]
    [DataRow("request-reset", 0x10, 0xFF)]
    [DataRow("request-status", 0x11, 0xFF)]
    [DataRow("request-sam-id", 0x12, 0xFF)]
    [DataRow("request-find-card", 0x20, 0x01)]
    [DataRow("request-select-card", 0x20, 0x02)]
    [DataRow("request-read-text-photo", 0x30, 0x01)]
    [DataRow("request-read-text-photo-fingerprint", 0x30, 0x10)]
    [DataRow("request-read-appended-address", 0x30, 0x03)]
    public void EncodeRequest_EveryCommand_EqualsTheDocumentedFrame(string capture, int code, int parameter)
    {
        CollectionAssert.AreEqual(Captures.Read(capture), SamFrameCodec.EncodeRequest(new SamCommand((byte)code, (byte)parameter)));
        var buffer = new ReadOnlySequence<byte>(Captures.Read(capture));
        Assert.IsTrue(SamFrameCodec.TryReadRequest(ref buffer, out var request));
        Assert.AreEqual(new SamCommand((byte)code, (byte)parameter), request.Command);
    }

    [TestMethod]
    [DataRow("reply-card-found", SamStatus.CardFound, 4)]
    [DataRow("reply-no-card", SamStatus.NoCard, 0)]
    [DataRow("reply-select-failed", SamStatus.SelectFailed, 0)]
    [DataRow("reply-read-failed", SamStatus.ReadFailed, 0)]
    public void TryReadResponse_DocumentedReplies_Decode(string capture, SamStatus status, int dataLength)
    {
        var buffer = new ReadOnlySequence<byte>(Captures.Read(capture));
        Assert.IsTrue(SamFrameCodec.TryReadResponse(ref buffer, out var response));
        Assert.AreEqual(status, response.Status);
        Assert.AreEqual(dataLength, response.Data.Length);
        Assert.AreEqual(0, buffer.Length);
        CollectionAssert.AreEqual(Captures.Read(capture), SamFrameCodec.EncodeResponse(status, response.Data.Span));
    }

    [TestMethod]
    public void TryReadResponse_ByteAtATime_NeedsEveryByte()
    {
        var frame = SamFrameCodec.EncodeResponse(SamStatus.Ok, new byte[300]);
        var segments = Segments.Of(frame, chunk: 1);
        for (var length = 0; length < frame.Length; length++)
        {
            var partial = segments.Slice(0, length);
            Assert.IsFalse(SamFrameCodec.TryReadResponse(ref partial, out _), $"complete after {length} bytes");
        }
        var whole = segments;
        Assert.IsTrue(SamFrameCodec.TryReadResponse(ref whole, out var response));
        Assert.AreEqual(300, response.Data.Length);
    }

    [TestMethod]
    public void TryReadResponse_GarbageBefore_IsSkipped()
    {
        byte[] noise = [0x00, 0xAA, 0xAA, 0x96, 0x11, 0xAA, 0xAA, 0xAA, 0x96];
        var buffer = new ReadOnlySequence<byte>([.. noise, .. Captures.Read("reply-no-card")]);
        Assert.IsTrue(SamFrameCodec.TryReadResponse(ref buffer, out var response));
        Assert.AreEqual(SamStatus.NoCard, response.Status);
    }

    [TestMethod]
    public void TryReadResponse_OnlyGarbage_KeepsAPossiblePreambleStart()
    {
        var buffer = new ReadOnlySequence<byte>([0x01, 0x02, 0xAA, 0xAA]);
        Assert.IsFalse(SamFrameCodec.TryReadResponse(ref buffer, out _));
        Assert.AreEqual(2, buffer.Length, "AA AA may begin a preamble");
    }

    [TestMethod]
    public void TryReadResponse_WrongChecksum_ThrowsAndResynchronisesOnTheNextFrame()
    {
        var broken = Captures.Read("reply-no-card");
        broken[^1] ^= 0x01;
        var buffer = new ReadOnlySequence<byte>([.. broken, .. Captures.Read("reply-card-found")]);
        var e = Assert.ThrowsExactly<SamProtocolException>(() => SamFrameCodec.TryReadResponse(ref buffer, out _));
        StringAssert.Contains(e.Message, "checksum");
        Assert.IsTrue(SamFrameCodec.TryReadResponse(ref buffer, out var next));
        Assert.AreEqual(SamStatus.CardFound, next.Status);
    }

    [TestMethod]
    public void TryReadResponse_HugeDeclaredLength_IsRefusedBeforeBuffering()
    {
        var buffer = new ReadOnlySequence<byte>([0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF]);
        Assert.ThrowsExactly<SamProtocolException>(() => SamFrameCodec.TryReadResponse(ref buffer, out _));
    }

    [TestMethod]
    public void EncodeThenDecode_AnyResponse_RoundTrips() =>
        (from status in Gen.Byte from sw1 in Gen.Byte from sw2 in Gen.Byte from data in Gen.Byte.Array[0, 2400] from chunk in Gen.Int[1, 700] select (status, sw1, sw2, data, chunk))
        .Sample(t =>
        {
            var frame = SamFrameCodec.EncodeResponse((SamStatus)t.status, t.data, t.sw1, t.sw2);
            var buffer = Segments.Of(frame, t.chunk);
            return SamFrameCodec.TryReadResponse(ref buffer, out var r) && buffer.Length == 0
                && r.Sw1 == t.sw1 && r.Sw2 == t.sw2 && (byte)r.Status == t.status && r.Data.Span.SequenceEqual(t.data);
        }, iter: 2_000);

    [TestMethod]
    public void EncodeThenDecode_AnyRequest_RoundTrips() =>
        (from code in Gen.Byte from para in Gen.Byte from data in Gen.Byte.Array[0, 100] select (code, para, data))
        .Sample(t =>
        {
            var buffer = new ReadOnlySequence<byte>(SamFrameCodec.EncodeRequest(new SamCommand(t.code, t.para), t.data));
            return SamFrameCodec.TryReadRequest(ref buffer, out var r) && r.Command == new SamCommand(t.code, t.para) && r.Data.Span.SequenceEqual(t.data);
        });

    /// <summary>
    /// Fuzzing: random bytes, and valid frames with random bytes flipped, cut or inserted, decoded until the buffer
    /// is exhausted: nothing but <see cref="SamProtocolException"/> ever escapes, and decoding always makes progress.
    /// </summary>
    [TestMethod]
    public void TryReadResponse_FuzzedInput_ThrowsOnlyProtocolErrors() =>
        FrameFuzz.Inputs.Sample(FrameFuzz.DecodesSafely, iter: 10_000);
}
