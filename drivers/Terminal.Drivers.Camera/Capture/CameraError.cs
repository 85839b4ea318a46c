namespace Terminal.Drivers.Camera.Capture;

/// <summary>Why the camera could not do what was asked; each has a Chinese message (<see cref="CameraErrorText"/>).</summary>
public enum CameraError
{
    /// <summary>No such device node (not plugged in, wrong path).</summary>
    NoDevice,

    /// <summary>The node exists but is not a video capture device with streaming.</summary>
    NotACamera,

    /// <summary>The process may not open the node (udev rule or group missing).</summary>
    PermissionDenied,

    /// <summary>Another program (or another session) is streaming from the camera.</summary>
    Busy,

    /// <summary>The camera offers neither MJPEG nor YUYV, or refused the format asked for.</summary>
    FormatRefused,

    /// <summary>The camera went away while in use (USB cable pulled).</summary>
    Unplugged,

    /// <summary>No frame came within the time allowed.</summary>
    Timeout,

    /// <summary>Any other failure of the device or its driver.</summary>
    DeviceError,
}
