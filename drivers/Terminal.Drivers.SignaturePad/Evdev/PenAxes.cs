using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// A pen device's axes as EVIOCGABS reported them. Samples are scaled to the tablet's own span: x − minimum in
/// 0..<see cref="Width"/>, likewise y and pressure, so strokes from any pad start at 0 and carry their size
/// (<see cref="SignatureInk"/>). A pen without a pressure axis reports 1 while the tip is down (<see cref="MaxPressure"/> 1).
/// </summary>
public sealed record PenAxes(AbsoluteAxis X, AbsoluteAxis Y, AbsoluteAxis? Pressure)
{
    /// <summary>The tablet's width in device units.</summary>
    public int Width => X.Range;

    /// <summary>The tablet's height in device units.</summary>
    public int Height => Y.Range;

    /// <summary>The largest scaled pressure.</summary>
    public int MaxPressure => Pressure is { } p ? p.Range : 1;

    /// <summary>A recorder for strokes of this tablet's size and pressure range.</summary>
    public StrokeRecorder CreateRecorder() => new(Width, Height, MaxPressure);

    /// <summary>The sample for raw device values: offset by the minimums and clamped into the ranges.</summary>
    public PenSample Scale(int x, int y, int pressure, bool touch, bool pen, bool rubber, bool stylus)
    {
        var scaledPressure = Pressure is { } p ? Math.Clamp(pressure - p.Minimum, 0, p.Range) : touch ? 1 : 0;
        // The eraser end is in range but draws no ink.
        var tipDown = touch && !rubber;
        return new PenSample(
            Math.Clamp(x - X.Minimum, 0, Width),
            Math.Clamp(y - Y.Minimum, 0, Height),
            tipDown ? scaledPressure : 0,
            tipDown,
            pen || rubber || touch,
            stylus);
    }
}
