namespace Terminal.Drivers.SignaturePad.Interop;

/// <summary>
/// The evdev ioctl requests (linux/input.h, _IOR/_IOW with type 'E' = 0x45; values measured with gcc on
/// linux-libc-dev 6.1 x86_64 by /work/shared/reference/tools/linux-abi.c; arm64 uses the same asm-generic encoding).
/// A read request of variable length is <c>0x80000000 | length &lt;&lt; 16 | 'E' &lt;&lt; 8 | nr</c>.
/// </summary>
internal static class EvdevIoctl
{
    /// <summary>EVIOCGNAME(len): the device's name, nr 0x06.</summary>
    internal static nuint GetName(int length) => 0x80004506u | (uint)length << 16;

    /// <summary>EVIOCGKEY(len): the bitmask of keys and buttons held now, nr 0x18 (0x80604518 for 96 bytes).</summary>
    internal static nuint GetKeyState(int length) => 0x80004518u | (uint)length << 16;

    /// <summary>EVIOCGBIT(ev, len): the bitmask of event types (ev 0) or of one type's codes, nr 0x20 + ev.</summary>
    internal static nuint GetBits(int eventType, int length) => (0x80004520u + (uint)eventType) | (uint)length << 16;

    /// <summary>EVIOCGABS(axis): struct input_absinfo (24 bytes) of one axis, nr 0x40 + axis.</summary>
    internal static nuint GetAbsolute(int axis) => 0x80184540u + (uint)axis;

    /// <summary>EVIOCGRAB: int by value, 1 = only this fd gets the events, 0 = release.</summary>
    internal const nuint Grab = 0x40044590;

    /// <summary>EVIOCSCLOCKID: pointer to an int clock id for the events' timestamps.</summary>
    internal const nuint SetClockId = 0x400445A0;

    /// <summary>CLOCK_MONOTONIC (time.h): timestamps that do not jump when the wall clock is set at the dock.</summary>
    internal const int ClockMonotonic = 1;
}
