namespace Terminal.Drivers.SignaturePad.Strokes;

/// <summary>
/// One report of the pen, whichever pad sent it (serial or evdev): position in tablet units, pressure (0 = none),
/// tip down, in range, and the pen's barrel button (BTN_STYLUS on evdev; false where the pad does not say).
/// </summary>
public readonly record struct PenSample(int X, int Y, int Pressure, bool TipDown, bool InProximity, bool BarrelButton = false);
