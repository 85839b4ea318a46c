using System.Text;

namespace Terminal.Host.Keys;

/// <summary>Reading and writing district key files and passphrase files on disk.</summary>
public static class KeyFiles
{
    /// <summary>The file's bytes; throws <see cref="KeyFileException"/> when it is missing or unreadable.</summary>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeyFileException(KeyFileFailure.Missing, $"区县密钥文件不存在：{path}。没有它无法打开终端交来的记录；请用 key restore 从保险柜中的备份恢复，或在首次安装时用 key generate 生成");
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(KeyFileFailure.Unreadable, $"区县密钥文件无法读取：{path}（{e.GetType().Name}）：请检查服务账户对它的读取权限", e);
        }
    }

    /// <summary>
    /// Writes a new key file, never over an existing one (a district key is not lost by a mistyped path): a temporary
    /// file in the same folder, flushed to disk, then moved into place; owner-only on Unix.
    /// </summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new KeyFileException(KeyFileFailure.AlreadyExists, $"文件已存在：{full}。为防止误删区县密钥，不会覆盖任何文件；请换一个文件名，或确认旧文件已备份后手动移走");
        }
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// A passphrase file's text without one trailing line break; on Unix refused when group or others may read it.
    /// Throws <see cref="KeyFileException"/> with <see cref="KeyFileFailure.NoPassphrase"/>.
    /// </summary>
    public static string ReadPassphraseFile(string path, bool requireOwnerOnly)
    {
        if (!File.Exists(path))
        {
            throw new KeyFileException(KeyFileFailure.NoPassphrase, $"口令文件不存在：{path}");
        }
        if (requireOwnerOnly && !OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new KeyFileException(KeyFileFailure.NoPassphrase, $"口令文件 {path} 其他用户也可读写（权限 {Convert.ToString((int)mode, 8)}）：请改为 0400 或 0600，只让服务账户读取");
            }
        }
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException(KeyFileFailure.NoPassphrase, $"口令文件无法读取：{path}（{e.GetType().Name}）", e);
        }
        text = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
        return text.Length == 0 ? throw new KeyFileException(KeyFileFailure.NoPassphrase, $"口令文件为空：{path}") : text;
    }
}
