using System.Runtime.InteropServices;

namespace Terminal.Host.Dock;

/// <summary>fsync(2) of a folder on Linux, so a new or deleted file name survives a power cut (Windows: NTFS journals names; nothing to do).</summary>
internal static partial class FolderSync
{
    private const int ReadOnlyDirectory = 0x0000 | 0x10000; // O_RDONLY | O_DIRECTORY (Linux, x64 and arm64)

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Syncs <paramref name="folder"/>; throws <see cref="IOException"/> on failure.</summary>
    public static void Sync(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var fd = Open(folder, ReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"cannot open {folder} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }
        try
        {
            if (FSync(fd) != 0)
            {
                throw new IOException($"fsync of {folder} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
