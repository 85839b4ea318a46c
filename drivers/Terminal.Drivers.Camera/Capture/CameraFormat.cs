namespace Terminal.Drivers.Camera.Capture;

/// <summary>The format a camera agreed to (read back after VIDIOC_S_FMT: the driver may change what was asked).</summary>
/// <param name="PixelFormat">The pixel format.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BytesPerLine">Bytes from one row to the next (0 for compressed formats).</param>
/// <param name="SizeImage">The largest frame in bytes.</param>
public sealed record CameraFormat(FourCc PixelFormat, int Width, int Height, int BytesPerLine, int SizeImage)
{
    /// <summary>Width × height.</summary>
    public FrameSize Size => new(Width, Height);
}
