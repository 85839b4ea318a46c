using Terminal.Storage.Store;
using System.Globalization;
using Terminal.Dock.Pull;

namespace Terminal.Host.Dock;

/// <summary>
/// <see cref="IDockStaging"/> in a folder: one file per package being received,
/// <c>&lt;folder&gt;/&lt;terminal id&gt;/&lt;sequence&gt;-&lt;first 16 hex of its SHA-256&gt;.part</c>. Every append is
/// fsynced before it returns (and the folder when a file is made or removed), so after a crash or power cut the
/// next docking resumes from the last chunk that was acknowledged as staged. Bytes arrive only after their frame's
/// CRC and the session's AES-GCM tag checked, and the whole package is checked against its SHA-256 before commit.
/// </summary>
public sealed class FileDockStaging : IDockStaging
{
    private readonly string _folder;

    /// <summary>Staging under <paramref name="folder"/> (created when missing).</summary>
    public FileDockStaging(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    /// <inheritdoc/>
    public Task<long> LengthAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(terminalId, entry));
        return Task.FromResult(file.Exists ? file.Length : 0L);
    }

    /// <inheritdoc/>
    public async Task AppendAsync(string terminalId, OutboxEntry entry, long offset, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(terminalId, entry);
        var folder = Path.GetDirectoryName(path)!;
        var created = !File.Exists(path);
        if (created)
        {
            Directory.CreateDirectory(folder);
            FolderSync.Sync(_folder);
        }
        await using (var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1, FileOptions.None))
        {
            if (file.Length != offset)
            {
                throw new InvalidOperationException($"staging of package {entry.Sequence} holds {file.Length} bytes, not {offset}");
            }
            file.Seek(offset, SeekOrigin.Begin);
            await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
        if (created)
        {
            FolderSync.Sync(folder);
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]> ReadAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var path = PathOf(terminalId, entry);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : [];
    }

    /// <inheritdoc/>
    public Task DiscardAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var path = PathOf(terminalId, entry);
        if (File.Exists(path))
        {
            File.Delete(path);
            FolderSync.Sync(Path.GetDirectoryName(path)!);
        }
        return Task.CompletedTask;
    }

    private string PathOf(string terminalId, OutboxEntry entry)
    {
        if (terminalId.Length == 0 || terminalId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException("a terminal id is ASCII letters, digits, '-' and '_'", nameof(terminalId));
        }
        if (entry.Sha256.Length < 16 || !entry.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("a package's SHA-256 is lower-case hex", nameof(entry));
        }
        return Path.Combine(_folder, terminalId, string.Create(CultureInfo.InvariantCulture, $"{entry.Sequence}-{entry.Sha256[..16]}.part"));
    }
}
