namespace Terminal.Drivers.Camera.Photo;

/// <summary>
/// Finds the highest JPEG quality whose encoding fits a byte limit (pure: the encoder is passed in, so the search is
/// tested with a fake). Quality sizes grow with quality, so it is a binary search between the lowest and highest
/// quality allowed; null when even the lowest is too large (the caller then scales the image down).
/// </summary>
internal static class JpegSizeSearch
{
    /// <summary>The best quality in [<paramref name="minQuality"/>, <paramref name="maxQuality"/>] whose size fits, or null.</summary>
    internal static int? BestQuality(Func<int, int> encodedSize, int maxBytes, int minQuality, int maxQuality)
    {
        if (encodedSize(maxQuality) <= maxBytes)
        {
            return maxQuality;
        }
        if (encodedSize(minQuality) > maxBytes)
        {
            return null;
        }
        int low = minQuality, high = maxQuality;   // low fits, high does not
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (encodedSize(middle) <= maxBytes)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
