namespace Terminal.Drivers.Camera.Capture;

/// <summary>The step of the V4L2 sequence that failed; it decides what an errno value means.</summary>
internal enum CameraOperation
{
    /// <summary>open(2) of the device node.</summary>
    Open,

    /// <summary>VIDIOC_QUERYCAP.</summary>
    QueryCapabilities,

    /// <summary>VIDIOC_ENUM_FMT / ENUM_FRAMESIZES.</summary>
    Enumerate,

    /// <summary>VIDIOC_S_FMT / S_PARM.</summary>
    SetFormat,

    /// <summary>VIDIOC_REQBUFS / QUERYBUF and mmap(2).</summary>
    AllocateBuffers,

    /// <summary>VIDIOC_STREAMON.</summary>
    StartStreaming,

    /// <summary>poll(2) and VIDIOC_DQBUF.</summary>
    Dequeue,

    /// <summary>VIDIOC_QBUF.</summary>
    Queue,

    /// <summary>VIDIOC_STREAMOFF.</summary>
    StopStreaming,
}
