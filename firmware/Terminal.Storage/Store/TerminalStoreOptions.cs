using Terminal.Storage.Keys;

namespace Terminal.Storage.Store;

/// <summary>The store's settings (configuration section "Store").</summary>
public sealed record TerminalStoreOptions
{
    /// <summary>The store folder, on the encrypted data partition (hardware-docs/storage/LUKS.md).</summary>
    public required string Folder { get; init; }

    /// <summary>The PIN key's cost (stored per key slot).</summary>
    public Argon2idOptions Argon2id { get; init; } = new();

    /// <summary>The wrong-PIN policy.</summary>
    public PinLockoutOptions PinLockout { get; init; } = new();

    /// <summary>Writes are refused while less than this is free (default 64 MiB), before anything is written.</summary>
    public long FreeSpaceReserveBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A signed audit checkpoint every this many entries (while an operator is logged in).</summary>
    public int AuditCheckpointEvery { get; init; } = 20;

    /// <summary>Tests' seam around each store file (e.g. a size-limited stream for the disk-full test).</summary>
    internal Func<FileStream, Stream>? WrapFile { get; init; }

    /// <summary>Tests' seam for the free space (bytes); default: the folder's file system.</summary>
    internal Func<long>? FreeSpace { get; init; }
}
