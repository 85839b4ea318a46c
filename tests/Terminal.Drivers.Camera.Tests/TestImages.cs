using SkiaSharp;

namespace Terminal.Drivers.Camera.Tests;

/// <summary>
/// Synthetic photos drawn with SkiaSharp, so the normaliser's tests need no stored images: a head-and-shoulders
/// scene (background gradient, face with eyes and mouth, collar, a printed card on the wall) with sensor-like noise,
/// and the same scene blurred or darkened. Deterministic for a seed.
/// </summary>
internal static class TestImages
{
    /// <summary>The portrait scene as RGBA pixels.</summary>
    internal static SKBitmap Portrait(int width, int height, int seed = 1, int noise = 6)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Scale(width / 1280f, height / 720f);
            using var background = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 720),
                    [new SKColor(170, 190, 215), new SKColor(120, 140, 170)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, 1280, 720, background);
            using var paint = new SKPaint { IsAntialias = true };
            // A notice on the wall behind: lines of "print" give the scene fine detail, as a real room has.
            paint.Color = new SKColor(235, 235, 225);
            canvas.DrawRect(900, 120, 260, 340, paint);
            paint.Color = new SKColor(60, 60, 70);
            for (var line = 0; line < 14; line++)
            {
                for (var word = 0; word < 6; word++)
                {
                    canvas.DrawRect(920 + word * 38, 145 + line * 22, 26 + (line * 7 + word * 5) % 9, 8, paint);
                }
            }
            // Shoulders and collar.
            paint.Color = new SKColor(40, 70, 50);
            canvas.DrawOval(640, 760, 330, 190, paint);
            paint.Color = new SKColor(240, 240, 240);
            foreach (var (x, angle) in new[] { (600f, -35f), (680f, 35f) })
            {
                canvas.Save();
                canvas.RotateDegrees(angle, x, 600);
                canvas.DrawRect(x - 18, 540, 36, 120, paint);
                canvas.Restore();
            }
            // Neck, face, hair, eyes, brows, mouth.
            paint.Color = new SKColor(215, 170, 140);
            canvas.DrawRect(600, 430, 80, 140, paint);
            canvas.DrawOval(640, 340, 115, 150, paint);
            paint.Color = new SKColor(30, 25, 25);
            canvas.DrawArc(SKRect.Create(520, 180, 240, 180), 180, 180, true, paint);
            paint.Color = SKColors.White;
            canvas.DrawOval(595, 330, 22, 12, paint);
            canvas.DrawOval(685, 330, 22, 12, paint);
            paint.Color = new SKColor(50, 35, 30);
            canvas.DrawCircle(595, 330, 8, paint);
            canvas.DrawCircle(685, 330, 8, paint);
            canvas.DrawRect(570, 300, 50, 6, paint);
            canvas.DrawRect(660, 300, 50, 6, paint);
            paint.Color = new SKColor(170, 80, 80);
            canvas.DrawOval(640, 420, 40, 10, paint);
        }
        AddNoise(bitmap, seed, noise);
        return bitmap;
    }

    /// <summary>The bitmap blurred with a Gaussian of <paramref name="sigma"/> pixels (at 1280×720 scale).</summary>
    internal static SKBitmap Blurred(SKBitmap source, float sigma)
    {
        var scale = source.Width / 1280f;
        var blurred = new SKBitmap(source.Info);
        using var canvas = new SKCanvas(blurred);
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma * scale, sigma * scale, SKShaderTileMode.Clamp) };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, paint);
        return blurred;
    }

    /// <summary>The bitmap with every channel multiplied by <paramref name="factor"/> (under-exposed).</summary>
    internal static SKBitmap Darkened(SKBitmap source, double factor)
    {
        var dark = source.Copy();
        var pixels = dark.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            pixels[i] = (byte)(pixels[i] * factor);
            pixels[i + 1] = (byte)(pixels[i + 1] * factor);
            pixels[i + 2] = (byte)(pixels[i + 2] * factor);
        }
        return dark;
    }

    /// <summary>Uniform noise of ±<paramref name="amplitude"/> on every channel, like a small sensor's.</summary>
    internal static void AddNoise(SKBitmap bitmap, int seed, int amplitude)
    {
        if (amplitude <= 0)
        {
            return;
        }
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 != 3)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-amplitude, amplitude + 1), 0, 255);
            }
        }
    }

    /// <summary>The bitmap encoded as JPEG (as a camera would deliver it).</summary>
    internal static byte[] Jpeg(SKBitmap bitmap, int quality = 92)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>Random pixels: the worst case for JPEG size.</summary>
    internal static SKBitmap Noise(int width, int height, int seed)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        return bitmap;
    }
}
