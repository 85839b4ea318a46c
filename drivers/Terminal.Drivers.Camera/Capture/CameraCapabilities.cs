namespace Terminal.Drivers.Camera.Capture;

/// <summary>What a video device says it is (VIDIOC_QUERYCAP).</summary>
/// <param name="Driver">The kernel driver, e.g. "uvcvideo" or "vivid".</param>
/// <param name="Card">The device's name, e.g. "USB 2.0 Camera".</param>
/// <param name="BusInfo">Where it sits, e.g. "usb-xhci-hcd.0-1".</param>
/// <param name="Version">The driver's version, "major.minor.patch".</param>
/// <param name="CanCapture">The node captures video (V4L2_CAP_VIDEO_CAPTURE).</param>
/// <param name="CanStream">The node does mmap streaming (V4L2_CAP_STREAMING).</param>
public sealed record CameraCapabilities(string Driver, string Card, string BusInfo, string Version, bool CanCapture, bool CanStream);
