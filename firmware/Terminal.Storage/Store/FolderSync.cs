using System.Runtime.InteropServices;

namespace Terminal.Storage.Store;

/// <summary>
/// fsync(2) of a folder, so that a new or deleted file name survives a power cut: the terminal's store and the
/// host's dock staging both need it. On Windows there is nothing to do (NTFS journals names).
/// </summary>
public static partial class FolderSync
{
    // O_RDONLY | O_DIRECTORY. O_DIRECTORY is not the same number everywhere: 0x10000 (0200000) in the generic and
    // x86 ABIs, 0x4000 (040000) on arm and arm64, where 0x10000 means O_DIRECT and open(2) of a folder then
    // fails with EINVAL (found by the arm64 tier, tests/rig/arm64-tier.sh).
    private static int ReadOnlyDirectory => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm
        ? 0x0000 | 0x4000
        : 0x0000 | 0x10000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Syncs <paramref name="folder"/> (Linux); throws <see cref="IOException"/> on failure.</summary>
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
