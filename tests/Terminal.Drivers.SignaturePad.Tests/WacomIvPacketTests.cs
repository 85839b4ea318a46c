using System.Buffers;
using CsCheck;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Tests;

[TestClass]
public sealed class WacomIvPacketTests
{
    [TestMethod]
    public void Decode_KernelLayout_GivesCoordinatesPressureAndTip()
    {
        // b0 = sync | proximity | stylus | P0 | X15..14 = 01; x = 1<<14 | 0x12<<7 | 0x34; y likewise with b3..b5;
        // pressure 7 bits 0x55 then P1 = 1, P0 = 1 -> z = 0x157, flipped top bit (0x100) -> 0x057.
        byte[] packet = [0x80 | 0x40 | 0x20 | 0x04 | 0x01, 0x12, 0x34, 0x08 | 0x04 | 0x02, 0x56, 0x78 & 0x7F, 0x55];
        var s = WacomIvPacket.Decode(packet, extraPressureBits: 2);
        Assert.AreEqual(1 << 14 | 0x12 << 7 | 0x34, s.X);
        Assert.AreEqual(2 << 14 | 0x56 << 7 | 0x78, s.Y);
        Assert.AreEqual(0x157 ^ 0x100, s.Pressure);
        Assert.IsTrue(s.TipDown);
        Assert.IsTrue(s.InProximity);
    }

    [TestMethod]
    public void EncodeThenDecode_AnySample_RoundTrips() =>
        (from x in Gen.Int[0, 65535] from y in Gen.Int[0, 65535] from bits in Gen.Int[0, 2] from p in Gen.Int[0, 511] from tip in Gen.Bool select (x, y, bits, p, tip))
        .Sample(t =>
        {
            var pressure = Math.Min(t.p, WacomIvPacket.MaxPressure(t.bits));
            var sample = new PenSample(t.x, t.y, pressure, t.tip, true);
            var packet = WacomIvPacket.Encode(sample, t.bits);
            return packet.Length == 7 && (packet[0] & 0x80) != 0 && packet.Skip(1).All(b => (b & 0x80) == 0)
                && WacomIvPacket.Decode(packet, t.bits) == sample;
        }, iter: 5000);

    [TestMethod]
    public void TryRead_NoiseAndACutPacket_Resynchronise()
    {
        var a = WacomIvPacket.Encode(new PenSample(100, 200, 50, true, true), 2);
        var b = WacomIvPacket.Encode(new PenSample(300, 400, 60, true, true), 2);
        var buffer = new ReadOnlySequence<byte>([0x01, 0x7F, .. a[..4], .. b, .. a]);
        var got = new List<PenSample>();
        while (WacomIvPacket.TryRead(ref buffer, 2, out var s))
        {
            got.Add(s);
        }
        Assert.HasCount(2, got, "the cut packet is dropped, the two whole ones read");
        Assert.AreEqual(300, got[0].X);
        Assert.AreEqual(100, got[1].X);
    }

    [TestMethod]
    public void TryRead_AnyBytes_NeverThrows() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var buffer = new ReadOnlySequence<byte>(bytes);
            var guard = 0;
            while (WacomIvPacket.TryRead(ref buffer, 2, out _) && guard++ < 100)
            {
            }
            return true;
        }, iter: 10_000);
}
