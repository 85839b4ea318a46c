namespace Terminal.Drivers.Camera.Capture;

/// <summary>Which offered pixel format and frame size to ask for (pure, so the choice is tested without a device).</summary>
internal static class FormatChoice
{
    /// <summary>MJPEG, then JPEG, then YUYV (YUYV first when <paramref name="preferYuyv"/>); the device's own before emulated ones.</summary>
    internal static FourCc? Choose(IReadOnlyList<PixelFormatInfo> offered, bool preferYuyv)
    {
        FourCc[] order = preferYuyv ? [FourCc.Yuyv, FourCc.Mjpeg, FourCc.Jpeg] : [FourCc.Mjpeg, FourCc.Jpeg, FourCc.Yuyv];
        foreach (var emulated in (bool[])[false, true])
        {
            foreach (var wanted in order)
            {
                if (offered.Any(f => f.Format == wanted && f.Emulated == emulated))
                {
                    return wanted;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The size to ask for: <paramref name="wanted"/> when offered, else the smallest offered size at least as large
    /// in both directions, else the largest offered. With nothing offered, <paramref name="wanted"/> (S_FMT then
    /// adjusts it to what the driver has).
    /// </summary>
    internal static FrameSize NearestSize(IReadOnlyList<FrameSize> offered, FrameSize wanted)
    {
        if (offered.Count == 0 || offered.Contains(wanted))
        {
            return wanted;
        }
        var larger = offered.Where(s => s.Width >= wanted.Width && s.Height >= wanted.Height).OrderBy(s => s.Pixels).ToList();
        return larger.Count > 0 ? larger[0] : offered.MaxBy(s => s.Pixels);
    }
}
