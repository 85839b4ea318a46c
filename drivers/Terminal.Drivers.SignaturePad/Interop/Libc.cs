using System.Runtime.InteropServices;

namespace Terminal.Drivers.SignaturePad.Interop;

/// <summary>
/// The libc calls the evdev reader needs (the camera's binding has its own: one assembly, one binding). Every call
/// sets errno (read with <see cref="Marshal.GetLastPInvokeError"/>). The ioctl request is C's <c>unsigned long</c>,
/// so <see cref="nuint"/>: 0x80184540 does not fit a signed int (devices.md §2).
/// </summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    /// <summary>O_RDONLY (fcntl.h; the same on x86_64 and arm64).</summary>
    internal const int OpenReadOnly = 0x0;

    /// <summary>O_WRONLY: how the uinput side opens /dev/uinput.</summary>
    internal const int OpenWriteOnly = 0x1;

    /// <summary>O_NONBLOCK: read answers EAGAIN when no event is queued; the reader waits in poll.</summary>
    internal const int OpenNonBlocking = 0x800;

    /// <summary>O_CLOEXEC: child processes do not inherit the pad.</summary>
    internal const int OpenCloseOnExec = 0x80000;

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);
}
