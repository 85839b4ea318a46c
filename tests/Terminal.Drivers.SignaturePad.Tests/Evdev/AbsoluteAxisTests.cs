using Terminal.Drivers.SignaturePad.Evdev;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

[TestClass]
public sealed class AbsoluteAxisTests
{
    [TestMethod]
    public void Read_AbsinfoBytes_GivesSixFieldsInKernelOrder()
    {
        // value 5000, minimum −100, maximum 15200, fuzz 4, flat 0, resolution 100 (units per mm)
        byte[] info = [0x88, 0x13, 0, 0, 0x9C, 0xFF, 0xFF, 0xFF, 0x60, 0x3B, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0];
        var axis = AbsoluteAxis.Read(info);
        Assert.AreEqual(new AbsoluteAxis(5000, -100, 15200, 4, 0, 100), axis);
        Assert.AreEqual(15300, axis.Range);
    }

    [TestMethod]
    public void WriteThenRead_Axis_RoundTrips()
    {
        var axis = new AbsoluteAxis(1, -2, 3, 4, 5, 6);
        Span<byte> bytes = stackalloc byte[AbsoluteAxis.Size];
        axis.Write(bytes);
        Assert.AreEqual(axis, AbsoluteAxis.Read(bytes));
    }

    [TestMethod]
    public void Read_ShortBuffer_ThrowsProtocolException() =>
        Assert.ThrowsExactly<EvdevProtocolException>(() => AbsoluteAxis.Read(new byte[20]));
}
