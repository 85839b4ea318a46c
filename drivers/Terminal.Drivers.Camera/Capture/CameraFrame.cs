namespace Terminal.Drivers.Camera.Capture;

/// <summary>
/// A dequeued frame: a view of the driver's mmap'd buffer, valid until it is handed back with
/// <see cref="V4l2Camera.Requeue"/>. <see cref="Data"/> is <c>bytesused</c> bytes, not the whole buffer (for MJPEG
/// the buffer's tail holds stale bytes of earlier frames).
/// </summary>
public readonly ref struct CameraFrame
{
    internal CameraFrame(ReadOnlySpan<byte> data, int index, uint sequence, TimeSpan timestamp, bool damaged)
    {
        Data = data;
        Index = index;
        Sequence = sequence;
        Timestamp = timestamp;
        IsDamaged = damaged;
    }

    /// <summary>The frame's bytes (a JPEG file for MJPEG, packed Y0 U Y1 V rows for YUYV).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The buffer's index, for <see cref="V4l2Camera.Requeue"/>.</summary>
    public int Index { get; }

    /// <summary>The driver's frame counter; a gap means frames were dropped.</summary>
    public uint Sequence { get; }

    /// <summary>When the driver captured it (the kernel's monotonic clock for uvcvideo and vivid).</summary>
    public TimeSpan Timestamp { get; }

    /// <summary>The driver flagged the data as damaged (V4L2_BUF_FLAG_ERROR) or it is empty: skip it.</summary>
    public bool IsDamaged { get; }
}
