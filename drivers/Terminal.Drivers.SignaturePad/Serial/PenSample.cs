namespace Terminal.Drivers.SignaturePad.Serial;

/// <summary>One report of the pen: position in tablet units, pressure (0 = none), tip down, in range.</summary>
public readonly record struct PenSample(int X, int Y, int Pressure, bool TipDown, bool InProximity);
