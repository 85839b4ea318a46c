using Terminal.Drivers.Camera.Capture;

namespace Terminal.Firmware.Photos;

/// <summary>
/// Where the photo page's frames come from: the V4L2 camera (<see cref="V4l2CameraSource"/>, the real one) or, on a
/// machine without /dev/video, the clearly labelled <see cref="DemoCameraSource"/>. Both hand their frames to the same
/// conversion and normalisation code; the page always names the one in use.
/// </summary>
public interface ICameraSource : IDisposable
{
    /// <summary>The camera's name as the page shows it ("摄像头 /dev/video0", "演示摄像头（模拟画面）").</summary>
    string Name { get; }

    /// <summary>True for the demo camera: its photos are made-up pictures, not of the subject.</summary>
    bool IsDemo { get; }

    /// <summary>A buffer of this size always holds one preview frame.</summary>
    int PreviewBufferSize { get; }

    /// <summary>The newest frame as JPEG into <paramref name="destination"/>.</summary>
    PreviewFrame ReadPreview(Span<byte> destination);

    /// <summary>A still at full size, as JPEG.</summary>
    CaptureResult CaptureStill();
}
