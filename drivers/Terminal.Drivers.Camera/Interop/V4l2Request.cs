namespace Terminal.Drivers.Camera.Interop;

/// <summary>
/// The VIDIOC_* ioctl request numbers for 64-bit Linux, as linux/videodev2.h builds them with _IOR/_IOW/_IOWR('V',
/// nr, struct): direction in bits 30-31 (1 write, 2 read), the argument's size in bits 16-29, 'V' in bits 8-15 and
/// the number in bits 0-7 (asm-generic/ioctl.h, the same on x86_64 and arm64). Measured with gcc against
/// linux-libc-dev 6.1 (hardware-docs/camera/abi/linux-abi-x86_64.txt); the tests rebuild each one from the size of
/// the struct declared here.
/// </summary>
internal static class V4l2Request
{
    internal const uint QueryCapabilities = 0x80685600;     // _IOR('V', 0, struct v4l2_capability)
    internal const uint EnumerateFormat = 0xC0405602;       // _IOWR('V', 2, struct v4l2_fmtdesc)
    internal const uint GetFormat = 0xC0D05604;             // _IOWR('V', 4, struct v4l2_format)
    internal const uint SetFormat = 0xC0D05605;             // _IOWR('V', 5, struct v4l2_format)
    internal const uint RequestBuffers = 0xC0145608;        // _IOWR('V', 8, struct v4l2_requestbuffers)
    internal const uint QueryBuffer = 0xC0585609;           // _IOWR('V', 9, struct v4l2_buffer)
    internal const uint QueueBuffer = 0xC058560F;           // _IOWR('V', 15, struct v4l2_buffer)
    internal const uint DequeueBuffer = 0xC0585611;         // _IOWR('V', 17, struct v4l2_buffer)
    internal const uint StreamOn = 0x40045612;              // _IOW('V', 18, int)
    internal const uint StreamOff = 0x40045613;             // _IOW('V', 19, int)
    internal const uint GetStreamParameters = 0xC0CC5615;   // _IOWR('V', 21, struct v4l2_streamparm)
    internal const uint SetStreamParameters = 0xC0CC5616;   // _IOWR('V', 22, struct v4l2_streamparm)
    internal const uint GetControl = 0xC008561B;            // _IOWR('V', 27, struct v4l2_control)
    internal const uint SetControl = 0xC008561C;            // _IOWR('V', 28, struct v4l2_control)
    internal const uint EnumerateFrameSizes = 0xC02C564A;   // _IOWR('V', 74, struct v4l2_frmsizeenum)

    /// <summary>_IOC(direction, type, number, size) of asm-generic/ioctl.h.</summary>
    internal static uint Encode(uint direction, char type, int number, int size) =>
        (direction << 30) | ((uint)size << 16) | ((uint)type << 8) | (uint)number;

    /// <summary>_IOC_WRITE: user space writes the argument.</summary>
    internal const uint Write = 1;

    /// <summary>_IOC_READ: user space reads the argument back.</summary>
    internal const uint Read = 2;
}
