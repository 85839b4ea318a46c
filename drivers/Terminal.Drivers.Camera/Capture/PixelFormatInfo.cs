namespace Terminal.Drivers.Camera.Capture;

/// <summary>One pixel format a camera offers (VIDIOC_ENUM_FMT).</summary>
/// <param name="Format">The format's code.</param>
/// <param name="Description">The driver's description, e.g. "Motion-JPEG" or "YUYV 4:2:2".</param>
/// <param name="Compressed">True for compressed formats such as MJPEG.</param>
/// <param name="Emulated">True when a software layer converts it rather than the device sending it.</param>
public sealed record PixelFormatInfo(FourCc Format, string Description, bool Compressed, bool Emulated);
