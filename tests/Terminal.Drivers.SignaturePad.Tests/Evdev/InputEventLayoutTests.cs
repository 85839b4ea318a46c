using CsCheck;
using Terminal.Drivers.SignaturePad.Evdev;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

[TestClass]
public sealed class InputEventLayoutTests
{
    [TestMethod]
    public void Read_KernelRecord_GivesTimeTypeCodeValue()
    {
        // tv_sec 0x0102 (258 s), tv_usec 0x0007A11F (499999), EV_ABS, ABS_PRESSURE, value −2 — as x86_64/arm64 store them.
        byte[] record =
        [
            0x02, 0x01, 0, 0, 0, 0, 0, 0,
            0x1F, 0xA1, 0x07, 0, 0, 0, 0, 0,
            0x03, 0x00,
            0x18, 0x00,
            0xFE, 0xFF, 0xFF, 0xFF,
        ];
        var e = InputEventLayout.Read(record);
        Assert.AreEqual(new InputEvent(258, 499_999, 3, 0x18, -2), e);
        Assert.AreEqual(258_499_999, e.TimestampMicroseconds);
    }

    [TestMethod]
    public void TryRead_TwoRecordsAndAHalf_ReadsTwoAndLeavesTheHalf()
    {
        byte[] bytes = [.. EventBytes.Of((EventBytes.Abs, EventBytes.X, 10), (EventBytes.Syn, EventBytes.Report, 0)), .. new byte[12]];
        ReadOnlySpan<byte> buffer = bytes;
        Assert.IsTrue(InputEventLayout.TryRead(ref buffer, out var first));
        Assert.IsTrue(InputEventLayout.TryRead(ref buffer, out var second));
        Assert.IsFalse(InputEventLayout.TryRead(ref buffer, out _));
        Assert.AreEqual(12, buffer.Length, "the partial record stays for the next read");
        Assert.AreEqual((ushort)EventBytes.X, first.Code);
        Assert.AreEqual(10, first.Value);
        Assert.AreEqual((ushort)EventBytes.Syn, second.Type);
        Assert.AreEqual(1000, second.Microseconds);
    }

    [TestMethod]
    public void Read_ThirtyTwoBitLayout_ThrowsProtocolException()
    {
        // The 32-bit struct is 16 bytes (two s32 for the time): read as 64-bit records the fields land elsewhere.
        var records32 = new byte[48];
        for (var i = 0; i < 3; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(records32.AsSpan(i * 16), 1_700_000_000 + i);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(records32.AsSpan(i * 16 + 4), 250_000);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(records32.AsSpan(i * 16 + 8), 3);
        }
        Assert.ThrowsExactly<EvdevProtocolException>(() => InputEventLayout.Read(records32.AsSpan(0, 24)));
    }

    [TestMethod]
    public void Read_TypeBeyondEvMax_ThrowsProtocolException()
    {
        var bytes = EventBytes.Of((0x20, 0, 0));
        var e = Assert.ThrowsExactly<EvdevProtocolException>(() => InputEventLayout.Read(bytes));
        StringAssert.Contains(e.Message, "EV_MAX");
    }

    [TestMethod]
    public void Read_WrongLength_ThrowsProtocolException() =>
        Assert.ThrowsExactly<EvdevProtocolException>(() => InputEventLayout.Read(new byte[23]));

    [TestMethod]
    public void WriteThenRead_AnyEvent_RoundTrips() =>
        (from s in Gen.Long[0, long.MaxValue / 2_000_000] from us in Gen.Long[0, 999_999] from t in Gen.UShort[0, 0x1F]
         from c in Gen.UShort from v in Gen.Int select new InputEvent(s, us, t, c, v))
        .Sample(e =>
        {
            Span<byte> record = stackalloc byte[InputEventLayout.Size];
            InputEventLayout.Write(e, record);
            return InputEventLayout.Read(record) == e;
        }, iter: 5000);

    [TestMethod]
    public void TryRead_AnyBytes_ReadsOrThrowsOnlyProtocolException() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            ReadOnlySpan<byte> buffer = bytes;
            try
            {
                while (InputEventLayout.TryRead(ref buffer, out _))
                {
                }
                return buffer.Length < InputEventLayout.Size;
            }
            catch (EvdevProtocolException)
            {
                return true;
            }
        }, iter: 5000);
}
