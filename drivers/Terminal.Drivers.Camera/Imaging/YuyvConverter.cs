namespace Terminal.Drivers.Camera.Imaging;

/// <summary>
/// Packed YUYV 4:2:2 (bytes Y0 U Y1 V: two pixels share one U and one V) to RGBA, with the BT.601 limited-range
/// matrix webcams and vivid use (Y 16-235, U/V 16-240), in integer arithmetic (ITU-R BT.601; the usual 8-bit
/// fixed-point form: C = Y-16, D = U-128, E = V-128; R = (298C + 409E + 128) >> 8, G = (298C - 100D - 208E + 128)
/// >> 8, B = (298C + 516D + 128) >> 8). Pure and allocation-free: the caller owns both spans.
/// </summary>
public static class YuyvConverter
{
    /// <summary>Bytes of RGBA output for a frame of <paramref name="width"/>×<paramref name="height"/> shrunk by <paramref name="reduction"/>.</summary>
    public static int RgbaLength(int width, int height, int reduction) => width / reduction * (height / reduction) * 4;

    /// <summary>
    /// Converts a YUYV frame to RGBA (alpha 255). <paramref name="reduction"/> 1 keeps every pixel; 2 halves both
    /// directions (each Y0 U Y1 V group gives one pixel from the average of its two Y, every other row is skipped),
    /// for a cheap preview. <paramref name="bytesPerLine"/> is the frame's stride (≥ 2 × width).
    /// </summary>
    public static void ToRgba(ReadOnlySpan<byte> yuyv, int width, int height, int bytesPerLine, Span<byte> rgba, int reduction = 1)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0)
        {
            throw new ArgumentException($"YUYV needs a positive, even width and a positive height (got {width}x{height})");
        }
        if (reduction is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction is 1 or 2");
        }
        if (bytesPerLine < width * 2 || yuyv.Length < (long)bytesPerLine * (height - 1) + width * 2)
        {
            throw new ArgumentException("the YUYV data is shorter than its stated size", nameof(yuyv));
        }
        if (rgba.Length < RgbaLength(width, height, reduction))
        {
            throw new ArgumentException("the RGBA buffer is too small", nameof(rgba));
        }
        if (reduction == 1)
        {
            ConvertFull(yuyv, width, height, bytesPerLine, rgba);
        }
        else
        {
            ConvertHalf(yuyv, width, height, bytesPerLine, rgba);
        }
    }

    private static void ConvertFull(ReadOnlySpan<byte> yuyv, int width, int height, int bytesPerLine, Span<byte> rgba)
    {
        var output = 0;
        for (var row = 0; row < height; row++)
        {
            var line = yuyv.Slice(row * bytesPerLine, width * 2);
            for (var i = 0; i < line.Length; i += 4)
            {
                int d = line[i + 1] - 128, e = line[i + 3] - 128;
                Pixel(line[i], d, e, rgba.Slice(output, 4));
                Pixel(line[i + 2], d, e, rgba.Slice(output + 4, 4));
                output += 8;
            }
        }
    }

    private static void ConvertHalf(ReadOnlySpan<byte> yuyv, int width, int height, int bytesPerLine, Span<byte> rgba)
    {
        var output = 0;
        for (var row = 0; row + 1 < height || (row < height && height == 1); row += 2)
        {
            var line = yuyv.Slice(row * bytesPerLine, width * 2);
            for (var i = 0; i < line.Length; i += 4)
            {
                Pixel((line[i] + line[i + 2] + 1) >> 1, line[i + 1] - 128, line[i + 3] - 128, rgba.Slice(output, 4));
                output += 4;
            }
        }
    }

    private static void Pixel(int y, int d, int e, Span<byte> rgba)
    {
        var c = 298 * (y - 16) + 128;
        rgba[3] = 255;
        rgba[2] = Clamp((c + 516 * d) >> 8);
        rgba[1] = Clamp((c - 100 * d - 208 * e) >> 8);
        rgba[0] = Clamp((c + 409 * e) >> 8);
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
