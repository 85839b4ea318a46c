using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Terminal.Drivers.SignaturePad.Strokes;

/// <summary>One point of a stroke: tablet units, pressure, milliseconds since the first point of the signature.</summary>
public readonly record struct InkPoint(int X, int Y, int Pressure, int Milliseconds);

/// <summary>
/// A signature as data (签字确认): its strokes on a tablet of <paramref name="Width"/> × <paramref name="Height"/> units
/// with pressures up to <paramref name="MaxPressure"/>. Kept as points, not only as a picture, so it can be
/// rendered again and checked. <see cref="Canonical"/> is the byte form that is hashed and stored.
/// </summary>
public sealed record SignatureInk(int Width, int Height, int MaxPressure, IReadOnlyList<IReadOnlyList<InkPoint>> Strokes)
{
    /// <summary>True when nothing was drawn.</summary>
    public bool IsEmpty => Strokes.All(s => s.Count == 0);

    /// <summary>
    /// The canonical bytes: UTF-8 JSON, no spaces, members in this order, points as [x,y,pressure,ms]:
    /// <c>{"height":H,"maxPressure":P,"strokes":[[[x,y,p,t],…],…],"width":W}</c>.
    /// </summary>
    public byte[] Canonical()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{{\"height\":{Height},\"maxPressure\":{MaxPressure},\"strokes\":[");
        for (var s = 0; s < Strokes.Count; s++)
        {
            text.Append(s == 0 ? "[" : ",[");
            for (var i = 0; i < Strokes[s].Count; i++)
            {
                var p = Strokes[s][i];
                text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}[{p.X},{p.Y},{p.Pressure},{p.Milliseconds}]");
            }
            text.Append(']');
        }
        text.Append(CultureInfo.InvariantCulture, $"],\"width\":{Width}}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>SHA-256 of <see cref="Canonical"/>, lower-case hex (the record's SignatureReference.StrokesSha256).</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Canonical()));
}
