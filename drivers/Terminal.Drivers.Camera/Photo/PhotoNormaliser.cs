using SkiaSharp;
using Terminal.Drivers.Camera.Imaging;

namespace Terminal.Drivers.Camera.Photo;

/// <summary>
/// Makes a photo fit its kind (<see cref="PhotoSpec"/>): decodes it (turning it upright by its EXIF orientation),
/// crops it to the framing and aspect, scales it down to the kind's size, rejects it when too dark or too blurred
/// (with a Chinese message saying what to do), and encodes a baseline JPEG within the kind's byte limit — by
/// searching the JPEG quality and, when even the lowest quality is too large, scaling down further; never by
/// failing. The output is re-encoded from pixels, so no metadata of the input (EXIF, GPS, ICC, comments) survives.
/// Pure: no device, clock or file; safe to use from several threads.
/// </summary>
public sealed class PhotoNormaliser
{
    private const double ShrinkStep = 0.85;
    private readonly PhotoQualityOptions _options;

    /// <summary>Uses the default thresholds.</summary>
    public PhotoNormaliser() : this(new PhotoQualityOptions())
    {
    }

    /// <summary>Uses the thresholds of <paramref name="options"/>.</summary>
    public PhotoNormaliser(PhotoQualityOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Normalises encoded image bytes (JPEG, PNG, BMP, WebP…) to the specification of <paramref name="kind"/>.</summary>
    public PhotoResult Normalise(ReadOnlySpan<byte> encoded, PhotoKind kind, FramingRectangle? framing = null) =>
        Normalise(encoded, PhotoSpec.For(kind), framing);

    /// <summary>Normalises encoded image bytes to <paramref name="spec"/>.</summary>
    public PhotoResult Normalise(ReadOnlySpan<byte> encoded, PhotoSpec spec, FramingRectangle? framing = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var image = DecodeUpright(encoded);
        return image is null
            ? new PhotoResult.Rejected(PhotoRejection.Unreadable, default)
            : Normalise(image, spec, framing);
    }

    /// <summary>Measures a photo's luminance and sharpness as the checks do (for live hints on the preview).</summary>
    public PhotoMeasurements Measure(ReadOnlySpan<byte> encoded, FramingRectangle? framing = null)
    {
        using var image = DecodeUpright(encoded);
        return image is null ? default : Measure(image, PhotoCrop.For(image.Width, image.Height, framing, null));
    }

    private PhotoResult Normalise(SKBitmap image, PhotoSpec spec, FramingRectangle? framing)
    {
        var crop = PhotoCrop.For(image.Width, image.Height, framing, spec.AspectRatio);
        var measurements = Measure(image, crop);
        if (spec.CheckQuality && measurements.MeanLuminance < _options.MinMeanLuminance)
        {
            return new PhotoResult.Rejected(PhotoRejection.TooDark, measurements);
        }
        if (spec.CheckQuality && measurements.Sharpness < _options.MinSharpness)
        {
            return new PhotoResult.Rejected(PhotoRejection.TooBlurred, measurements);
        }
        var size = PhotoCrop.Fit(crop.Width, crop.Height, spec.MaxWidth, spec.MaxHeight);
        using var sink = new JpegSink(spec.MaxBytes + 4096);
        while (true)
        {
            using var pixels = Render(image, crop, size);
            var quality = JpegSizeSearch.BestQuality(q => Encode(pixels, q, sink), spec.MaxBytes, spec.MinQuality, spec.MaxQuality);
            if (quality is { } q)
            {
                Encode(pixels, q, sink);
                return new PhotoResult.Accepted(new NormalisedPhoto(spec.Kind, sink.Written.ToArray(), size.Width, size.Height, q, measurements));
            }
            if (size.Width <= 8 && size.Height <= 8)
            {
                // A few pixels at the lowest quality still did not fit: only a limit below the JPEG headers does this.
                throw new ArgumentException($"{spec.Name}：{spec.MaxBytes} 字节的上限小于最小的JPEG", nameof(spec));
            }
            size = new SKSizeI(Math.Max(1, (int)(size.Width * ShrinkStep)), Math.Max(1, (int)(size.Height * ShrinkStep)));
        }
    }

    /// <summary>Decodes with Skia's codec and applies the EXIF orientation; null when the bytes are not an image.</summary>
    private static SKBitmap? DecodeUpright(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            return null;
        }
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            decoded.Dispose();
            return null;
        }
        return Orient(decoded, codec.EncodedOrigin);
    }

    /// <summary>Turns a decoded bitmap upright per its EXIF origin (disposing the input when a new one is made).</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap;
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
            canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default, null);
        }
        bitmap.Dispose();
        return upright;
    }

    /// <summary>The matrix from stored pixels to upright pixels for an EXIF origin (TIFF/EXIF tag 274, values 2-8).</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>The crop scaled to <paramref name="size"/>: opaque RGBA with no colour profile (so none is embedded).</summary>
    private static SKBitmap Render(SKBitmap image, SKRectI crop, SKSizeI size)
    {
        var pixels = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(pixels);
        canvas.Clear(SKColors.White);
        using var source = SKImage.FromBitmap(image);
        canvas.DrawImage(source, crop, SKRect.Create(size.Width, size.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return pixels;
    }

    private static int Encode(SKBitmap pixels, int quality, JpegSink sink)
    {
        sink.Reset();
        using var pixmap = pixels.PeekPixels();
        if (!pixmap.Encode(sink, new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)))
        {
            throw new InvalidOperationException("Skia could not encode the photo as JPEG");
        }
        return sink.Written.Length;
    }

    /// <summary>Luminance and sharpness of the crop, scaled so its longer side is the analysis size.</summary>
    private PhotoMeasurements Measure(SKBitmap image, SKRectI crop)
    {
        var size = PhotoCrop.Fit(crop.Width, crop.Height, _options.AnalysisSize, _options.AnalysisSize);
        using var pixels = Render(image, crop, size);
        var luminance = new byte[size.Width * size.Height];
        PhotoQuality.ToLuminance(pixels.GetPixelSpan(), luminance);
        return new PhotoMeasurements(
            PhotoQuality.MeanLuminance(luminance),
            PhotoQuality.LaplacianVariance(luminance, size.Width, size.Height));
    }
}
