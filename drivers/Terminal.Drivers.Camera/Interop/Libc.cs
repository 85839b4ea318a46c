using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>
/// The libc calls the V4L2 binding needs. Every call sets errno (read with <see cref="Marshal.GetLastPInvokeError"/>).
/// "libc" resolves to libc.so.6 on glibc. The ioctl request is C's <c>unsigned long</c>, so <see cref="nuint"/>:
/// values such as 0x80685600 do not fit a signed int (devices.md §1).
/// </summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    /// <summary>Open for reading and writing (fcntl.h; same value on x86_64 and arm64).</summary>
    internal const int OpenReadWrite = 0x2;

    /// <summary>O_NONBLOCK: DQBUF answers EAGAIN instead of waiting; the binding waits in poll.</summary>
    internal const int OpenNonBlocking = 0x800;

    /// <summary>O_CLOEXEC: child processes do not inherit the camera.</summary>
    internal const int OpenCloseOnExec = 0x80000;

    internal const int ProtRead = 0x1;
    internal const int ProtWrite = 0x2;
    internal const int MapShared = 0x1;

    /// <summary>mmap's failure value, (void*)-1.</summary>
    internal static readonly void* MapFailed = (void*)-1;

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "mmap", SetLastError = true)]
    internal static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport(Library, EntryPoint = "munmap", SetLastError = true)]
    internal static partial int Munmap(void* address, nuint length);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);
}
