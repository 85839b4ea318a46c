namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>Why the signature pad could not do what was asked; each has a Chinese message (<see cref="SignaturePadErrorText"/>).</summary>
public enum SignaturePadError
{
    /// <summary>No such device node (not plugged in, wrong path).</summary>
    NoDevice,

    /// <summary>The process may not open the node (the udev rule or group is missing).</summary>
    PermissionDenied,

    /// <summary>The node is not an input device with a pen (a keyboard, a mouse, a touchscreen, not evdev at all).</summary>
    NotAPen,

    /// <summary>Another program holds the pad (EVIOCGRAB answered EBUSY).</summary>
    Busy,

    /// <summary>The pad went away while in use (USB cable pulled: read answers ENODEV).</summary>
    Unplugged,

    /// <summary>Any other failure of the device or its driver.</summary>
    DeviceError,
}
