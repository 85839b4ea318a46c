using Terminal.Drivers.Linux;
using System.Runtime.InteropServices;
using System.Text;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Capture;

/// <summary>
/// One V4L2 capture device, opened for a session: the file descriptor, the negotiated format and, while streaming,
/// the mmap'd buffers stay open until <see cref="Dispose"/>. The sequence is the standard one (devices.md §1):
/// open → QUERYCAP → ENUM_FMT / ENUM_FRAMESIZES → S_FMT (read back) → REQBUFS → QUERYBUF + mmap → QBUF → STREAMON →
/// { poll, DQBUF, use <c>bytesused</c> bytes, QBUF } → STREAMOFF → munmap → close. Failures throw
/// <see cref="CameraException"/> with a <see cref="CameraError"/>. Not thread-safe: one caller at a time
/// (<see cref="CameraSession"/> serialises).
/// </summary>
public sealed unsafe partial class V4l2Camera : IDisposable
{
    private int _fd;

    private V4l2Camera(string devicePath, int fd, CameraCapabilities capabilities)
    {
        DevicePath = devicePath;
        _fd = fd;
        Capabilities = capabilities;
    }

    /// <summary>The device node, e.g. /dev/video0.</summary>
    public string DevicePath { get; }

    /// <summary>What the device says it is.</summary>
    public CameraCapabilities Capabilities { get; }

    /// <summary>True until <see cref="Dispose"/>.</summary>
    public bool IsOpen => _fd >= 0;

    /// <summary>
    /// Opens <paramref name="devicePath"/> (non-blocking; frames are waited for with poll) and checks that it is a
    /// capture device with streaming. Throws <see cref="CameraException"/>: NoDevice, PermissionDenied, NotACamera.
    /// </summary>
    public static V4l2Camera Open(string devicePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devicePath);
        int fd;
        do
        {
            fd = Libc.Open(devicePath, Libc.OpenReadWrite | Libc.OpenNonBlocking | Libc.OpenCloseOnExec);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);
        if (fd < 0)
        {
            throw CameraException.FromErrno(CameraOperation.Open, Marshal.GetLastPInvokeError(), "open", devicePath);
        }
        try
        {
            var capabilities = QueryCapabilities(fd, devicePath);
            if (!capabilities.CanCapture || !capabilities.CanStream)
            {
                throw new CameraException(CameraError.NotACamera,
                    $"{devicePath} ({capabilities.Driver}, {capabilities.Card}) has no video capture with streaming");
            }
            return new V4l2Camera(devicePath, fd, capabilities);
        }
        catch
        {
            Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Stops streaming (when it runs), unmaps the buffers and closes the device. Safe to call again.</summary>
    public void Dispose()
    {
        if (_fd < 0)
        {
            return;
        }
        ReleaseStreaming();
        Libc.Close(_fd);
        _fd = -1;
    }

    private static CameraCapabilities QueryCapabilities(int fd, string devicePath)
    {
        V4l2Capability capability;
        if (TryIoctl(fd, V4l2Request.QueryCapabilities, &capability) is var errno and not 0)
        {
            throw CameraException.FromErrno(CameraOperation.QueryCapabilities, errno, "VIDIOC_QUERYCAP", devicePath);
        }
        // device_caps describes this node; capabilities describes the whole device (all its nodes).
        var caps = (capability.Capabilities & V4l2.CapDeviceCaps) != 0 ? capability.DeviceCaps : capability.Capabilities;
        var version = capability.Version;
        return new CameraCapabilities(
            CString(capability.Driver, 16),
            CString(capability.Card, 32),
            CString(capability.BusInfo, 32),
            $"{version >> 16}.{(version >> 8) & 0xFF}.{version & 0xFF}",
            (caps & V4l2.CapVideoCapture) != 0,
            (caps & V4l2.CapStreaming) != 0);
    }

    /// <summary>ioctl, retried on EINTR; 0 on success, else errno.</summary>
    private static int TryIoctl(int fd, uint request, void* argument)
    {
        while (true)
        {
            if (Libc.Ioctl(fd, request, argument) >= 0)
            {
                return 0;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
            {
                return errno;
            }
        }
    }

    /// <summary>ioctl on this device, throwing <see cref="CameraException"/> on failure.</summary>
    private void Ioctl(CameraOperation operation, uint request, void* argument, string call)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        if (TryIoctl(_fd, request, argument) is var errno and not 0)
        {
            throw CameraException.FromErrno(operation, errno, call, DevicePath);
        }
    }

    private static string CString(byte* bytes, int capacity)
    {
        var span = new ReadOnlySpan<byte>(bytes, capacity);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
