namespace Terminal.Drivers.Camera.Interop;

/// <summary>Constants of linux/videodev2.h the binding uses (values measured, hardware-docs/camera/abi).</summary>
internal static class V4l2
{
    /// <summary>V4L2_BUF_TYPE_VIDEO_CAPTURE.</summary>
    internal const uint BufferTypeVideoCapture = 1;

    /// <summary>V4L2_MEMORY_MMAP.</summary>
    internal const uint MemoryMmap = 1;

    /// <summary>V4L2_FIELD_ANY: the driver chooses (progressive for webcams).</summary>
    internal const uint FieldAny = 0;

    /// <summary>V4L2_CAP_VIDEO_CAPTURE.</summary>
    internal const uint CapVideoCapture = 0x00000001;

    /// <summary>V4L2_CAP_STREAMING: the device does mmap/userptr/dmabuf streaming.</summary>
    internal const uint CapStreaming = 0x04000000;

    /// <summary>V4L2_CAP_DEVICE_CAPS: device_caps is filled in and describes this node.</summary>
    internal const uint CapDeviceCaps = 0x80000000;

    /// <summary>V4L2_CAP_TIMEPERFRAME (in v4l2_captureparm.capability): the frame interval can be set.</summary>
    internal const uint CapTimePerFrame = 0x1000;

    /// <summary>V4L2_BUF_FLAG_ERROR: the buffer was dequeued but its data is damaged.</summary>
    internal const uint BufferFlagError = 0x40;

    /// <summary>V4L2_FMT_FLAG_COMPRESSED.</summary>
    internal const uint FormatFlagCompressed = 0x1;

    /// <summary>V4L2_FMT_FLAG_EMULATED: converted in software by libv4l, not the device's own.</summary>
    internal const uint FormatFlagEmulated = 0x2;

    /// <summary>V4L2_FRMSIZE_TYPE_DISCRETE / CONTINUOUS / STEPWISE.</summary>
    internal const uint FrameSizeDiscrete = 1;
    internal const uint FrameSizeContinuous = 2;
    internal const uint FrameSizeStepwise = 3;
}
