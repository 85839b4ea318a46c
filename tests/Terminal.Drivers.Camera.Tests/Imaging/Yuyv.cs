namespace Terminal.Drivers.Camera.Tests.Imaging;

/// <summary>Builds YUYV frames for the tests: the BT.601 limited-range forward matrix, in doubles.</summary>
internal static class Yuyv
{
    internal static (byte Y, byte U, byte V) FromRgb(int r, int g, int b)
    {
        var y = 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255;
        var u = 128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255;
        var v = 128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255;
        return ((byte)Math.Round(y), (byte)Math.Round(u), (byte)Math.Round(v));
    }

    /// <summary>A frame of one colour, with <paramref name="stride"/> bytes a row (padding bytes set to 0xEE).</summary>
    internal static byte[] Solid(int width, int height, int stride, int r, int g, int b)
    {
        var (y, u, v) = FromRgb(r, g, b);
        var frame = new byte[stride * height];
        frame.AsSpan().Fill(0xEE);
        for (var row = 0; row < height; row++)
        {
            for (var x = 0; x < width * 2; x += 4)
            {
                var i = row * stride + x;
                frame[i] = y;
                frame[i + 1] = u;
                frame[i + 2] = y;
                frame[i + 3] = v;
            }
        }
        return frame;
    }
}
