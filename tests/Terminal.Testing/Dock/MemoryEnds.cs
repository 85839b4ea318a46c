using System.Collections.Concurrent;
using System.Security.Cryptography;
using Terminal.Dock.Pull;

namespace Terminal.Testing.Dock;

/// <summary>A terminal outbox in memory: packages by sequence; purges are recorded.</summary>
public sealed class MemoryOutbox : IOutbox
{
    private readonly ConcurrentDictionary<long, byte[]> _packages = new();

    public List<long> Purged { get; } = [];

    public static MemoryOutbox With(Random random, int count, int minSize, int maxSize)
    {
        var outbox = new MemoryOutbox();
        for (var s = 1; s <= count; s++)
        {
            var bytes = new byte[random.Next(minSize, maxSize)];
            random.NextBytes(bytes);
            outbox._packages[s] = bytes;
        }
        return outbox;
    }

    public byte[] Package(long sequence) => _packages[sequence];

    public IReadOnlyCollection<long> Waiting => [.. _packages.Keys.Order()];

    public Task<IReadOnlyList<OutboxEntry>> EntriesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _packages.OrderBy(p => p.Key).Select(p => new OutboxEntry(p.Key, "pkg-" + p.Key, p.Value.Length, Convert.ToHexStringLower(SHA256.HashData(p.Value))))]);

    public Task<int> ReadAsync(long sequence, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var bytes = _packages[sequence];
        var n = (int)Math.Max(0, Math.Min(destination.Length, bytes.Length - offset));
        bytes.AsMemory((int)offset, n).CopyTo(destination);
        return Task.FromResult(n);
    }

    /// <summary>A memory outbox has no audit chain of its own.</summary>
    public Task<byte[]> AuditAsync(long fromSequence, int maxBytes, CancellationToken cancellationToken) => Task.FromResult<byte[]>([]);

    public Task<IReadOnlyList<long>> PurgeAsync(IReadOnlyList<long> sequences, string receiptSha256, CancellationToken cancellationToken)
    {
        var removed = new List<long>();
        foreach (var s in sequences)
        {
            if (_packages.TryRemove(s, out _))
            {
                Purged.Add(s);
                removed.Add(s);
            }
        }
        return Task.FromResult<IReadOnlyList<long>>(removed);
    }
}

/// <summary>The host's staging in memory (it survives the sessions of one test, as a durable one survives restarts).</summary>
public sealed class MemoryStaging : IDockStaging
{
    private readonly Dictionary<(string, long), MemoryStream> _parts = [];

    public Task<long> LengthAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(_parts.TryGetValue((terminalId, entry.Sequence), out var p) ? p.Length : 0L);

    public Task AppendAsync(string terminalId, OutboxEntry entry, long offset, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!_parts.TryGetValue((terminalId, entry.Sequence), out var p))
        {
            _parts[(terminalId, entry.Sequence)] = p = new MemoryStream();
        }
        if (offset != p.Length)
        {
            throw new InvalidOperationException($"append at {offset} but {p.Length} held");
        }
        p.Write(bytes.Span);
        return Task.CompletedTask;
    }

    public Task<byte[]> ReadAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(_parts.TryGetValue((terminalId, entry.Sequence), out var p) ? p.ToArray() : []);

    public Task DiscardAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken)
    {
        _parts.Remove((terminalId, entry.Sequence));
        return Task.CompletedTask;
    }
}

/// <summary>The district side in memory: each package committed exactly once, content checked.</summary>
public sealed class MemorySink : IPackageSink
{
    public Dictionary<(string Terminal, long Sequence), byte[]> Committed { get; } = [];

    public int Commits { get; private set; }

    public Task<PackageState> StateAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult(Committed.TryGetValue((terminalId, entry.Sequence), out var b) && Convert.ToHexStringLower(SHA256.HashData(b)) == entry.Sha256
            ? PackageState.Committed
            : PackageState.New);

    /// <summary>Audit frames committed, back to back.</summary>
    public List<byte> Audit { get; } = [];

    public long AuditSequence { get; private set; }

    public Task<long> AuditHeldAsync(string terminalId, CancellationToken cancellationToken) => Task.FromResult(AuditSequence);

    public Task<IReadOnlyList<RefusedPackage>> CommitAsync(string terminalId, IReadOnlyList<ReceivedPackage> packages, ReadOnlyMemory<byte> audit, CancellationToken cancellationToken)
    {
        foreach (var p in packages)
        {
            if (Committed.TryGetValue((terminalId, p.Entry.Sequence), out var existing) && !existing.AsSpan().SequenceEqual(p.Bytes))
            {
                throw new InvalidOperationException("conflicting package");
            }
        }
        foreach (var p in packages)
        {
            Committed[(terminalId, p.Entry.Sequence)] = p.Bytes;
        }
        for (var at = 0; at < audit.Length;)
        {
            if (!Terminal.Storage.Audit.AuditEntryCodec.TryDecode(audit.Span[at..], out var entry, out var used))
            {
                throw new InvalidOperationException("malformed audit frame");
            }
            AuditSequence = entry!.Sequence;
            at += used;
        }
        Audit.AddRange(audit.ToArray());
        Commits++;
        return Task.FromResult<IReadOnlyList<RefusedPackage>>([]);
    }
}
