using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Terminal.Host.Dock;

/// <summary>
/// The host's append-only, hash-chained log of docking results (the district database has no audit table of the
/// host's own; its audit_entries table holds the terminals' chains). One line per entry:
/// <code>sequence TAB previous hash TAB hash TAB JSON of the entry        hash = SHA-256(sequence TAB previous TAB JSON), hex</code>
/// The first entry's previous hash is 64 zeros. Each append is fsynced before it returns; a last line cut short by
/// a crash (never acknowledged) is dropped when the log is opened. <see cref="Verify"/> finds edits, gaps and reordering.
/// </summary>
public sealed class DockLog
{
    private static readonly string Genesis = new('0', 64);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _path;
    private readonly Lock _gate = new();
    private long _last;
    private string _lastHash = Genesis;

    /// <summary>The log at <paramref name="path"/> (created when missing).</summary>
    public DockLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        DropTornEnd();
        foreach (var (entry, hash) in ReadLines())
        {
            _last = entry.Sequence;
            _lastHash = hash;
        }
    }

    /// <summary>Appends an entry (its sequence is the next one; the value passed is ignored) and returns it once on disk.</summary>
    public DockLogEntry Append(DockLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var numbered = entry with { Sequence = _last + 1 };
            var json = JsonSerializer.Serialize(numbered, Json);
            var hash = HashOf(numbered.Sequence, _lastHash, json);
            var line = string.Create(CultureInfo.InvariantCulture, $"{numbered.Sequence}\t{_lastHash}\t{hash}\t{json}\n");
            using (var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                file.Write(Encoding.UTF8.GetBytes(line));
                file.Flush(flushToDisk: true);
            }
            _last = numbered.Sequence;
            _lastHash = hash;
            return numbered;
        }
    }

    /// <summary>Every entry, in order.</summary>
    public IReadOnlyList<DockLogEntry> Entries()
    {
        lock (_gate)
        {
            return [.. ReadLines().Select(l => l.Entry)];
        }
    }

    /// <summary>The problems of the log at <paramref name="path"/>, in Chinese for the office staff (empty: intact).</summary>
    public static IReadOnlyList<string> Verify(string path)
    {
        var problems = new List<string>();
        var previous = Genesis;
        long expected = 1;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var parts = line.Split('\t', 4);
            if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                problems.Add($"对接日志第 {number} 行无法解析");
                continue;
            }
            if (sequence != expected)
            {
                problems.Add($"对接日志第 {number} 行序号为 {sequence}，应为 {expected}：有缺失或顺序被改动");
            }
            if (parts[1] != previous)
            {
                problems.Add($"对接日志第 {sequence} 条与上一条不相连：日志被删改");
            }
            if (HashOf(sequence, parts[1], parts[3]) != parts[2])
            {
                problems.Add($"对接日志第 {sequence} 条内容与其摘要不符：日志被改动");
            }
            previous = parts[2];
            expected = sequence + 1;
        }
        return problems;
    }

    private IEnumerable<(DockLogEntry Entry, string Hash)> ReadLines()
    {
        if (!File.Exists(_path))
        {
            yield break;
        }
        foreach (var line in File.ReadLines(_path))
        {
            var parts = line.Split('\t', 4);
            if (parts.Length == 4 && JsonSerializer.Deserialize<DockLogEntry>(parts[3], Json) is { } entry)
            {
                yield return (entry, parts[2]);
            }
        }
    }

    private void DropTornEnd()
    {
        if (!File.Exists(_path))
        {
            return;
        }
        using var file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var length = file.Length;
        var end = length;
        var one = new byte[1];
        while (end > 0)
        {
            file.Seek(end - 1, SeekOrigin.Begin);
            file.ReadExactly(one);
            if (one[0] == (byte)'\n')
            {
                break;
            }
            end--;
        }
        if (end != length)
        {
            file.SetLength(end);
            file.Flush(flushToDisk: true);
        }
    }

    private static string HashOf(long sequence, string previous, string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence}\t{previous}\t{json}"))));
}
