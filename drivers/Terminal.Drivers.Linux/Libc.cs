using System.Runtime.InteropServices;

namespace Terminal.Drivers.Linux;

/// <summary>
/// The libc calls the drivers need. Every call sets errno (read with <see cref="Marshal.GetLastPInvokeError"/>).
/// "libc" resolves to libc.so.6 on glibc. The ioctl request is C's <c>unsigned long</c>, so <see cref="nuint"/>:
/// values such as 0x80685600 do not fit a signed int (devices.md §1). Flag values are fcntl.h's and mman.h's, the
/// same on x86_64 and arm64.
/// </summary>
public static unsafe partial class Libc
{
    private const string Library = "libc";

    /// <summary>O_RDONLY.</summary>
    public const int OpenReadOnly = 0x0;

    /// <summary>O_WRONLY (e.g. /dev/uinput).</summary>
    public const int OpenWriteOnly = 0x1;

    /// <summary>O_RDWR.</summary>
    public const int OpenReadWrite = 0x2;

    /// <summary>O_NONBLOCK: a read or DQBUF answers EAGAIN instead of waiting; the drivers wait in poll.</summary>
    public const int OpenNonBlocking = 0x800;

    /// <summary>O_CLOEXEC: child processes do not inherit the device.</summary>
    public const int OpenCloseOnExec = 0x80000;

    /// <summary>PROT_READ.</summary>
    public const int ProtRead = 0x1;

    /// <summary>PROT_WRITE.</summary>
    public const int ProtWrite = 0x2;

    /// <summary>MAP_SHARED.</summary>
    public const int MapShared = 0x1;

    /// <summary>mmap's failure value, (void*)-1.</summary>
    public static readonly void* MapFailed = (void*)-1;

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "mmap", SetLastError = true)]
    public static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport(Library, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(void* address, nuint length);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);
}
