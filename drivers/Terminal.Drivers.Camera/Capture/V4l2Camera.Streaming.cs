using Terminal.Drivers.Linux;
using System.Runtime.InteropServices;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Capture;

public sealed unsafe partial class V4l2Camera
{
    private MappedBuffer[] _buffers = [];

    /// <summary>True between <see cref="StartStreaming"/> and <see cref="StopStreaming"/>.</summary>
    public bool IsStreaming { get; private set; }

    /// <summary>How many buffers the driver gave (it may give more or fewer than asked).</summary>
    public int BufferCount => _buffers.Length;

    /// <summary>
    /// Allocates <paramref name="bufferCount"/> driver buffers, maps them, queues them all and starts the stream.
    /// The buffers stay mapped until <see cref="StopStreaming"/> or <see cref="Dispose"/>. Busy when another handle
    /// owns the queue. Needs a format first (<see cref="SetFormat"/> or <see cref="Negotiate"/>).
    /// </summary>
    public void StartStreaming(int bufferCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferCount, 2);
        var fd = OpenFd;
        if (IsStreaming)
        {
            return;
        }
        if (Format is null)
        {
            throw new InvalidOperationException("set a format before streaming");
        }
        var request = new V4l2RequestBuffers { Count = (uint)bufferCount, Type = V4l2.BufferTypeVideoCapture, Memory = V4l2.MemoryMmap };
        Ioctl(CameraOperation.AllocateBuffers, V4l2Request.RequestBuffers, &request, "VIDIOC_REQBUFS");
        if (request.Count < 2)
        {
            FreeDriverBuffers();
            throw new CameraException(CameraError.DeviceError, $"VIDIOC_REQBUFS on {DevicePath}: only {request.Count} buffer(s)");
        }
        _buffers = new MappedBuffer[request.Count];
        try
        {
            for (var i = 0; i < _buffers.Length; i++)
            {
                var buffer = NewBuffer((uint)i);
                Ioctl(CameraOperation.AllocateBuffers, V4l2Request.QueryBuffer, &buffer, "VIDIOC_QUERYBUF");
                var address = Libc.Mmap(null, buffer.Length, Libc.ProtRead | Libc.ProtWrite, Libc.MapShared, fd, (nint)buffer.Offset);
                if (address == Libc.MapFailed)
                {
                    throw CameraException.FromErrno(CameraOperation.AllocateBuffers, Marshal.GetLastPInvokeError(), "mmap", DevicePath);
                }
                _buffers[i] = new MappedBuffer((byte*)address, (int)buffer.Length);
            }
            for (var i = 0; i < _buffers.Length; i++)
            {
                var buffer = NewBuffer((uint)i);
                Ioctl(CameraOperation.Queue, V4l2Request.QueueBuffer, &buffer, "VIDIOC_QBUF");
            }
            var type = (int)V4l2.BufferTypeVideoCapture;
            Ioctl(CameraOperation.StartStreaming, V4l2Request.StreamOn, &type, "VIDIOC_STREAMON");
            IsStreaming = true;
        }
        catch
        {
            ReleaseStreaming();
            throw;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> for a frame (poll) and dequeues it. False when none came in
    /// time. The frame must be handed back with <see cref="Requeue"/>. Throws <see cref="CameraException"/>
    /// (Unplugged when the device went away). Allocates nothing.
    /// </summary>
    public bool TryDequeue(int timeoutMilliseconds, out CameraFrame frame)
    {
        var fd = OpenFd;
        if (!IsStreaming)
        {
            throw new InvalidOperationException("the camera is not streaming");
        }
        var deadline = Environment.TickCount64 + Math.Max(0, timeoutMilliseconds);
        while (true)
        {
            var buffer = NewBuffer(0);
            var errno = TryIoctl(fd, V4l2Request.DequeueBuffer, &buffer);
            if (errno == 0)
            {
                var mapped = _buffers[buffer.Index];
                var used = (int)Math.Min(buffer.BytesUsed, (uint)mapped.Length);
                frame = new CameraFrame(
                    new ReadOnlySpan<byte>(mapped.Address, used),
                    (int)buffer.Index,
                    buffer.Sequence,
                    TimeSpan.FromTicks(buffer.TimestampSeconds * TimeSpan.TicksPerSecond + buffer.TimestampMicroseconds * TimeSpan.TicksPerMicrosecond),
                    (buffer.Flags & V4l2.BufferFlagError) != 0 || used == 0);
                return true;
            }
            if (errno != Errno.EAGAIN)
            {
                throw CameraException.FromErrno(CameraOperation.Dequeue, errno, "VIDIOC_DQBUF", DevicePath);
            }
            var remaining = deadline - Environment.TickCount64;
            if (remaining <= 0 || !WaitReadable(fd, (int)remaining))
            {
                frame = default;
                return false;
            }
        }
    }

    /// <summary>Hands a dequeued frame's buffer back to the driver. Throws <see cref="CameraException"/> (Unplugged …).</summary>
    public void Requeue(in CameraFrame frame)
    {
        if (!IsStreaming)
        {
            return;
        }
        var buffer = NewBuffer((uint)frame.Index);
        Ioctl(CameraOperation.Queue, V4l2Request.QueueBuffer, &buffer, "VIDIOC_QBUF");
    }

    /// <summary>Stops the stream, unmaps and frees the buffers. Safe to call when not streaming.</summary>
    public void StopStreaming()
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        ReleaseStreaming();
    }

    /// <summary>poll for POLLIN; true when readable or when poll reports an error (DQBUF then names it).</summary>
    private bool WaitReadable(int fd, int timeoutMilliseconds)
    {
        var poll = new PollFd { Fd = fd, Events = PollFd.In };
        while (true)
        {
            var ready = Libc.Poll(&poll, 1, timeoutMilliseconds);
            if (ready > 0)
            {
                return true;
            }
            if (ready == 0)
            {
                return false;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
            {
                throw CameraException.FromErrno(CameraOperation.Dequeue, errno, "poll", DevicePath);
            }
        }
    }

    /// <summary>STREAMOFF, munmap, REQBUFS(0), ignoring errors: used on the way out, also after an unplug.</summary>
    private void ReleaseStreaming()
    {
        if (IsStreaming)
        {
            var type = (int)V4l2.BufferTypeVideoCapture;
            TryIoctl(_fd, V4l2Request.StreamOff, &type);
            IsStreaming = false;
        }
        foreach (var mapped in _buffers)
        {
            if (mapped.Address != null)
            {
                Libc.Munmap(mapped.Address, (nuint)mapped.Length);
            }
        }
        if (_buffers.Length > 0)
        {
            _buffers = [];
            FreeDriverBuffers();
        }
    }

    private void FreeDriverBuffers()
    {
        var request = new V4l2RequestBuffers { Count = 0, Type = V4l2.BufferTypeVideoCapture, Memory = V4l2.MemoryMmap };
        TryIoctl(_fd, V4l2Request.RequestBuffers, &request);
    }

    private static V4l2Buffer NewBuffer(uint index) =>
        new() { Index = index, Type = V4l2.BufferTypeVideoCapture, Memory = V4l2.MemoryMmap };
}
