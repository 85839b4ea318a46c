namespace Terminal.Drivers.Camera.Capture;

/// <summary>A frame size in pixels.</summary>
public readonly record struct FrameSize(int Width, int Height)
{
    /// <summary>Width × height.</summary>
    public long Pixels => (long)Width * Height;

    /// <summary>"1280x720".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
