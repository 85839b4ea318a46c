using SkiaSharp;

namespace Terminal.Drivers.SignaturePad.Strokes;

/// <summary>Renders a signature to a PNG (SkiaSharp): black ink on white, line width following the pressure.</summary>
public static class SignatureRenderer
{
    /// <summary>A PNG of <paramref name="ink"/> fitted into <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] RenderPng(SignatureInk ink, int width = 600, int height = 240)
    {
        ArgumentNullException.ThrowIfNull(ink);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException("SkiaSharp could not make a drawing surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var scale = Math.Min((width - 20f) / Math.Max(1, ink.Width), (height - 20f) / Math.Max(1, ink.Height));
        using var pen = new SKPaint { Color = SKColors.Black, IsAntialias = true, StrokeCap = SKStrokeCap.Round, Style = SKPaintStyle.Stroke };
        foreach (var stroke in ink.Strokes)
        {
            for (var i = 0; i < stroke.Count; i++)
            {
                var a = stroke[Math.Max(0, i - 1)];
                var b = stroke[i];
                pen.StrokeWidth = 1.5f + 3f * b.Pressure / Math.Max(1, ink.MaxPressure);
                canvas.DrawLine(10 + a.X * scale, 10 + a.Y * scale, 10 + b.X * scale, 10 + b.Y * scale, pen);
            }
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
