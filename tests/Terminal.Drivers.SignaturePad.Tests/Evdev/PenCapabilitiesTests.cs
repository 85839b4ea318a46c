using Terminal.Drivers.SignaturePad.Evdev;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

[TestClass]
public sealed class PenCapabilitiesTests
{
    private static byte[] Bits(int bytes, params int[] set)
    {
        var mask = new byte[bytes];
        foreach (var bit in set)
        {
            mask[bit / 8] |= (byte)(1 << (bit % 8));
        }
        return mask;
    }

    [TestMethod]
    public void IsPen_PenTablet_True()
    {
        var types = Bits(4, EventBytes.Syn, EventBytes.Key, EventBytes.Abs);
        var abs = Bits(8, EventBytes.X, EventBytes.Y, EventBytes.Pressure);
        var keys = Bits(96, EventBytes.ToolPen, EventBytes.Touch, EventBytes.Stylus);
        Assert.IsTrue(PenCapabilities.IsPen(types, abs, keys, out var missing), missing);
        Assert.IsTrue(PenCapabilities.HasPressure(abs));
    }

    [TestMethod]
    public void IsPen_Touchscreen_FalseForNoPenTool()
    {
        var types = Bits(4, EventBytes.Syn, EventBytes.Key, EventBytes.Abs);
        var abs = Bits(8, EventBytes.X, EventBytes.Y);
        var keys = Bits(96, EventBytes.Touch);
        Assert.IsFalse(PenCapabilities.IsPen(types, abs, keys, out var missing));
        Assert.AreEqual("BTN_TOOL_PEN", missing);
    }

    [TestMethod]
    public void IsPen_Keyboard_FalseForNoAbsoluteAxes()
    {
        Assert.IsFalse(PenCapabilities.IsPen(Bits(4, EventBytes.Syn, EventBytes.Key), new byte[8], Bits(96, 30), out var missing));
        Assert.AreEqual("EV_ABS", missing);
    }
}
