using Terminal.Drivers.Linux;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Capture;

/// <summary>What an errno value from a V4L2 call means for the field worker (pure: the tests feed it every case).</summary>
internal static class CameraErrno
{
    /// <summary>The <see cref="CameraError"/> for errno <paramref name="errno"/> from <paramref name="operation"/>.</summary>
    internal static CameraError Classify(CameraOperation operation, int errno) => errno switch
    {
        // open: the node is missing; later: the device went away under an open fd (uvcvideo, vivid's Disconnect).
        Errno.ENOENT or Errno.ENXIO or Errno.ENODEV => operation == CameraOperation.Open ? CameraError.NoDevice : CameraError.Unplugged,
        Errno.EACCES or Errno.EPERM => CameraError.PermissionDenied,
        // S_FMT and REQBUFS answer EBUSY while another file handle owns the buffer queue.
        Errno.EBUSY => CameraError.Busy,
        // QUERYCAP on something that is not a V4L2 node (a tty, /dev/null) answers ENOTTY or EINVAL.
        Errno.ENOTTY or Errno.EINVAL when operation is CameraOperation.QueryCapabilities => CameraError.NotACamera,
        Errno.EINVAL when operation == CameraOperation.SetFormat => CameraError.FormatRefused,
        // uvcvideo answers EPROTO/EIO/EPIPE on a stalled or vanishing endpoint: the cable is the likely cause.
        Errno.EPIPE => CameraError.Unplugged,
        _ => CameraError.DeviceError,
    };
}
