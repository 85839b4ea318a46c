using System.Diagnostics;
using Terminal.Dock.Framing;
using Terminal.Dock.Pull;
using Terminal.Dock.Session;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Bench;

/// <summary>
/// The dock link's figures: a docking of 1,000 records with 300 KB photos over a pty against a plain copy of the
/// same link in the same run (bytes and records per second); the bytes sent again after a cut against one chunk,
/// and the time to resume; and 5,000 cable cuts at random bytes between the real store and the real district
/// database (SQLite), every invariant checked after each docking.
/// </summary>
internal static class DockBench
{
    private const int Packages = 1000;
    private const int PackageBytes = 300 * 1024;
    private const int Cuts = 5000;

    /// <summary>The throughput and resume figures (<paramref name="link"/>) and the cable cuts (<paramref name="cuts"/>).</summary>
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(TextWriter log, bool link = true, bool cuts = true)
    {
        var rows = new List<BenchRow>();
        if (link)
        {
            rows.AddRange(await ThroughputAsync(log).ConfigureAwait(false));
            rows.AddRange(await ResumeAsync(log).ConfigureAwait(false));
        }
        if (cuts)
        {
            rows.Add(await CableCutsAsync(log).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<IReadOnlyList<BenchRow>> ThroughputAsync(TextWriter log)
    {
        using var pty = PtyPair.Start();
        using var host = PtyPair.OpenSerial(pty.HostEnd, 115200);
        using var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200);
        var raw = await RawCopyAsync(host.BaseStream, terminal.BaseStream, 64L * 1024 * 1024).ConfigureAwait(false); // 64 MiB sample of the link
        var outbox = MemoryOutbox.With(new Random(5), Packages, PackageBytes, PackageBytes + 1);
        using var district = DockKeys.NewSigningKey();
        using var terminalKey = DockKeys.NewSigningKey();
        var clock = Stopwatch.StartNew();
        // a chunk of 1 MiB: four requests of the largest frame (256 KiB) in flight, deep enough to keep a loaded machine's pty busy
        var result = await DockAsync(host.BaseStream, terminal.BaseStream, outbox, new MemoryStaging(), district, terminalKey, 4 * DockPuller.MaxChunk).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var raw2 = await RawCopyAsync(host.BaseStream, terminal.BaseStream, 64L * 1024 * 1024).ConfigureAwait(false); // and after, as the machine is shared
        var rawMean = (raw + raw2) / 2;
        log.WriteLine($"  dock: {result.Packages} packages, {result.PayloadBytes / 1048576.0:0.0} MiB in {seconds:0.00} s; raw copy {raw / 1048576.0:0.0} and {raw2 / 1048576.0:0.0} MiB/s");
        return
        [
            new BenchRow("Dock: 1,000 records × 300 KB pulled over a pty, 1 MiB chunks (payload bytes/s)", result.PayloadBytes / seconds / 1048576.0, "MiB/s", rawMean / 1048576.0, "plain copy over the same pty, before and after", 0.9, AtLeast: true),
            new BenchRow("Dock: 1,000 records × 300 KB pulled over a pty, 1 MiB chunks (records/s)", result.Packages / seconds, "records/s", rawMean / PackageBytes, "records/s a plain copy carries", 0.9, AtLeast: true),
        ];
    }

    /// <summary>One 3 MB package, the pty unplugged after 1 MB arrived, then docked again: the bytes the terminal sends twice, against one chunk.</summary>
    private static async Task<IReadOnlyList<BenchRow>> ResumeAsync(TextWriter log)
    {
        const int chunk = 64 * 1024;
        const int length = 3 * 1024 * 1024;
        var outbox = new CountingOutbox(MemoryOutbox.With(new Random(6), 1, length, length + 1));
        var staging = new MemoryStaging();
        using var district = DockKeys.NewSigningKey();
        using var terminalKey = DockKeys.NewSigningKey();
        var entry = (await outbox.EntriesAsync(CancellationToken.None).ConfigureAwait(false))[0];
        double startSeconds;
        using (var pty = PtyPair.Start())
        using (var host = PtyPair.OpenSerial(pty.HostEnd, 115200))
        using (var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200))
        {
            var first = Stopwatch.StartNew();
            var run = DockAsync(host.BaseStream, terminal.BaseStream, outbox, staging, district, terminalKey, chunk);
            while (await staging.LengthAsync("T-bench", entry, CancellationToken.None).ConfigureAwait(false) == 0)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }
            startSeconds = first.Elapsed.TotalSeconds;
            while (await staging.LengthAsync("T-bench", entry, CancellationToken.None).ConfigureAwait(false) < 1024 * 1024)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }
            pty.Unplug();
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
                // the cut
            }
        }
        var staged = await staging.LengthAsync("T-bench", entry, CancellationToken.None).ConfigureAwait(false);
        double resumeSeconds;
        using (var pty = PtyPair.Start())
        using (var host = PtyPair.OpenSerial(pty.HostEnd, 115200))
        using (var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200))
        {
            var clock = Stopwatch.StartNew();
            var run = DockAsync(host.BaseStream, terminal.BaseStream, outbox, staging, district, terminalKey, chunk);
            while (!run.IsCompleted && await staging.LengthAsync("T-bench", entry, CancellationToken.None).ConfigureAwait(false) == staged)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }
            resumeSeconds = clock.Elapsed.TotalSeconds;
            await run.ConfigureAwait(false);
        }
        var resent = outbox.BytesRead - length;
        log.WriteLine($"  resume: {staged} of {length} bytes staged at the cut; the terminal sent {outbox.BytesRead} bytes in all ({resent} twice); the next docking's first new chunk after {resumeSeconds * 1000:0} ms");
        return
        [
            new BenchRow("Dock: bytes sent again after a cut at 1 MB of a 3 MB package", resent, "bytes", chunk, "one chunk (64 KiB)", 1.0),
            new BenchRow("Dock: time from re-plugging to the first new chunk (handshake, manifest, resume)", resumeSeconds * 1000, "ms", startSeconds * 1000, "first docking to its first chunk", null),
        ];
    }

    private static async Task<BenchRow> CableCutsAsync(TextWriter log)
    {
        using var world = await DockWorld.CreateAsync().ConfigureAwait(false);
        var report = await CableCuts.RunAsync(world, Cuts, 20261202).ConfigureAwait(false);
        log.WriteLine($"  cuts: {report.Cuts} cuts in {report.Dockings} dockings of {report.Records} records (real store, SQLite) in {report.Elapsed.TotalSeconds:0} s; every record exactly once, nothing purged without a receipt, both logs agree");
        return new BenchRow("Dock: cable cut at a random byte, real store and SQLite, invariants after each docking", report.Cuts, "cuts", Cuts, "cuts asked for", 1.0, AtLeast: true);
    }

    private static async Task<PullResult> DockAsync(Stream hostEnd, Stream terminalEnd, IOutbox outbox, IDockStaging staging, System.Security.Cryptography.ECDsa district, System.Security.Cryptography.ECDsa terminalKey, int chunk)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var terminalSide = Task.Run(async () =>
        {
            var link = new DockLink(terminalEnd);
            using var channel = await DockHandshake.TerminalAsync(link, "T-bench", terminalKey, DockKeys.PublicPoint(district), stop.Token).ConfigureAwait(false);
            await new DockResponder("T-bench", DockKeys.PublicPoint(district), outbox).ServeAsync(link, channel, stop.Token).ConfigureAwait(false);
        });
        try
        {
            var hostLink = new DockLink(hostEnd);
            var (id, hostChannel) = await DockHandshake.HostAsync(hostLink, district, t => t == "T-bench" ? DockKeys.PublicPoint(terminalKey) : null, stop.Token).ConfigureAwait(false);
            using (hostChannel)
            {
                return await new DockPuller(district, staging, new MemorySink()) { ChunkSize = chunk, AnswerTimeout = TimeSpan.FromSeconds(2) }.PullAsync(hostLink, hostChannel, id, stop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await terminalSide.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or TimeoutException or ObjectDisposedException)
            {
                // the terminal's side ends with the docking or with the cut
            }
        }
    }

    /// <summary>Counts the package bytes the terminal reads to send.</summary>
    private sealed class CountingOutbox(MemoryOutbox inner) : IOutbox
    {
        private long _read;
        public long BytesRead => Interlocked.Read(ref _read);
        public Task<IReadOnlyList<OutboxEntry>> EntriesAsync(CancellationToken cancellationToken) => inner.EntriesAsync(cancellationToken);
        public async Task<int> ReadAsync(long sequence, long offset, Memory<byte> destination, CancellationToken cancellationToken)
        {
            var n = await inner.ReadAsync(sequence, offset, destination, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _read, n);
            return n;
        }
        public Task<IReadOnlyList<long>> PurgeAsync(IReadOnlyList<long> sequences, string receiptSha256, CancellationToken cancellationToken) => inner.PurgeAsync(sequences, receiptSha256, cancellationToken);
        public Task<byte[]> AuditAsync(long fromSequence, int maxBytes, CancellationToken cancellationToken) => inner.AuditAsync(fromSequence, maxBytes, cancellationToken);
    }

    /// <summary>Bytes per second of a plain copy from one end to the other.</summary>
    private static async Task<double> RawCopyAsync(Stream from, Stream to, long total)
    {
        var block = new byte[64 * 1024];
        new Random(1).NextBytes(block);
        var clock = Stopwatch.StartNew();
        var reader = Task.Run(async () =>
        {
            var buffer = new byte[256 * 1024];
            long got = 0;
            while (got < total)
            {
                got += await to.ReadAsync(buffer).ConfigureAwait(false);
            }
        });
        for (long sent = 0; sent < total; sent += block.Length)
        {
            await from.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, total - sent))).ConfigureAwait(false);
        }
        await reader.ConfigureAwait(false);
        return total / clock.Elapsed.TotalSeconds;
    }
}
