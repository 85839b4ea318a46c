using SkiaSharp;

namespace Terminal.Host.Tests.Web;

/// <summary>Real JPEG photos made in code (a head-and-shoulders figure on a coloured ground), for the record page.</summary>
internal static class TestPhotos
{
    public static byte[] Portrait(int width, int height, SKColor ground, int quality = 80)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(ground);
            using var paint = new SKPaint { Color = new SKColor(60, 60, 70), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height * 0.36f, width * 0.2f, paint);
            canvas.DrawOval(width / 2f, height * 0.95f, width * 0.42f, height * 0.3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
