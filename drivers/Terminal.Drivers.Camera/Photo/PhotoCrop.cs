using SkiaSharp;

namespace Terminal.Drivers.Camera.Photo;

/// <summary>The part of an image a photo keeps (pure: integer pixel rectangles, tested without images).</summary>
internal static class PhotoCrop
{
    /// <summary>
    /// The crop of a <paramref name="width"/>×<paramref name="height"/> image: the framing rectangle (or the whole
    /// image), widened or heightened about its centre to <paramref name="aspect"/> (width ÷ height) so nothing the
    /// operator framed is cut, shrunk when that no longer fits, and moved back inside the image.
    /// </summary>
    internal static SKRectI For(int width, int height, FramingRectangle? framing, double? aspect)
    {
        double left = 0, top = 0, w = width, h = height;
        if (framing is { IsValid: true } f)
        {
            left = f.Left * width;
            top = f.Top * height;
            w = f.Width * width;
            h = f.Height * height;
        }
        if (aspect is { } ratio and > 0)
        {
            var centreX = left + w / 2;
            var centreY = top + h / 2;
            if (w / h < ratio)
            {
                w = h * ratio;
            }
            else
            {
                h = w / ratio;
            }
            var fit = Math.Min(1, Math.Min(width / w, height / h));
            w *= fit;
            h *= fit;
            left = Math.Clamp(centreX - w / 2, 0, Math.Max(0, width - w));
            top = Math.Clamp(centreY - h / 2, 0, Math.Max(0, height - h));
        }
        var x = (int)Math.Round(left);
        var y = (int)Math.Round(top);
        var cw = Math.Clamp((int)Math.Round(w), 1, width - x);
        var ch = Math.Clamp((int)Math.Round(h), 1, height - y);
        return SKRectI.Create(x, y, cw, ch);
    }

    /// <summary>The size that fits <paramref name="width"/>×<paramref name="height"/> within the limits, keeping its shape; never larger.</summary>
    internal static SKSizeI Fit(int width, int height, int maxWidth, int maxHeight)
    {
        var scale = Math.Min(1.0, Math.Min((double)maxWidth / width, (double)maxHeight / height));
        return new SKSizeI(
            Math.Max(1, (int)Math.Round(width * scale, MidpointRounding.AwayFromZero)),
            Math.Max(1, (int)Math.Round(height * scale, MidpointRounding.AwayFromZero)));
    }
}
