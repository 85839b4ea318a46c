using Terminal.Drivers.Linux;
using Terminal.Drivers.SignaturePad.Interop;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>What an errno value from an evdev call means for the field worker (pure: the tests feed it every case).</summary>
internal static class SignaturePadErrno
{
    /// <summary>The <see cref="SignaturePadError"/> for errno <paramref name="errno"/> from <paramref name="operation"/>.</summary>
    internal static SignaturePadError Classify(PadOperation operation, int errno) => errno switch
    {
        // open: the node is missing; later: evdev answers ENODEV once the device is gone (evdev_read, evdev_ioctl).
        Errno.ENOENT or Errno.ENXIO or Errno.ENODEV => operation == PadOperation.Open ? SignaturePadError.NoDevice : SignaturePadError.Unplugged,
        Errno.EACCES or Errno.EPERM => SignaturePadError.PermissionDenied,
        // EVIOCGRAB answers EBUSY when another fd (the desktop, another terminal program) has grabbed the device.
        Errno.EBUSY => SignaturePadError.Busy,
        // An evdev ioctl on something that is not an evdev node (a tty, /dev/null) answers ENOTTY or EINVAL.
        Errno.ENOTTY or Errno.EINVAL when operation == PadOperation.Query => SignaturePadError.NotAPen,
        _ => SignaturePadError.DeviceError,
    };
}
