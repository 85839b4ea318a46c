namespace Terminal.Drivers.Camera.Photo;

/// <summary>
/// The photo checks' measures on 8-bit luminance (pure, on spans). Luminance uses the BT.601 weights in fixed point
/// (77 R + 150 G + 29 B) >> 8; sharpness is the variance of the 4-neighbour Laplacian
/// (up + down + left + right − 4 × centre) over the interior pixels, the usual focus measure (Pech-Pacheco et al., 2000).
/// </summary>
internal static class PhotoQuality
{
    /// <summary>Fills <paramref name="luminance"/> (one byte a pixel) from RGBA pixels.</summary>
    internal static void ToLuminance(ReadOnlySpan<byte> rgba, Span<byte> luminance)
    {
        for (int i = 0, p = 0; p < luminance.Length; i += 4, p++)
        {
            luminance[p] = (byte)((77 * rgba[i] + 150 * rgba[i + 1] + 29 * rgba[i + 2]) >> 8);
        }
    }

    /// <summary>The mean of the luminance bytes.</summary>
    internal static double MeanLuminance(ReadOnlySpan<byte> luminance)
    {
        long sum = 0;
        foreach (var value in luminance)
        {
            sum += value;
        }
        return luminance.IsEmpty ? 0 : (double)sum / luminance.Length;
    }

    /// <summary>The variance of the Laplacian of a <paramref name="width"/>×<paramref name="height"/> luminance image.</summary>
    internal static double LaplacianVariance(ReadOnlySpan<byte> luminance, int width, int height)
    {
        if (width < 3 || height < 3)
        {
            return 0;
        }
        double sum = 0, squares = 0;
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var i = row + x;
                double laplacian = luminance[i - width] + luminance[i + width] + luminance[i - 1] + luminance[i + 1] - 4 * luminance[i];
                sum += laplacian;
                squares += laplacian * laplacian;
            }
        }
        var count = (double)(width - 2) * (height - 2);
        var mean = sum / count;
        return squares / count - mean * mean;
    }
}
