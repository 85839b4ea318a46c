using System.Diagnostics;
using Terminal.Dock.Framing;
using Terminal.Dock.Pull;
using Terminal.Dock.Session;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Bench;

/// <summary>The dock link's figures (issue 7): a docking of 1,000 records with 300 KB photos over a pty, against a plain copy on the same link.</summary>
internal static class DockBench
{
    private const int Packages = 1000;
    private const int PackageBytes = 300 * 1024;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(TextWriter log)
    {
        using var pty = PtyPair.Start();
        using var host = PtyPair.OpenSerial(pty.HostEnd, 115200);
        using var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200);
        var raw = await RawCopyAsync(host.BaseStream, terminal.BaseStream, 64L * 1024 * 1024).ConfigureAwait(false); // 64 MiB sample of the link
        var outbox = MemoryOutbox.With(new Random(5), Packages, PackageBytes, PackageBytes + 1);
        var staging = new MemoryStaging();
        var sink = new MemorySink();
        using var district = DockKeys.NewSigningKey();
        using var terminalKey = DockKeys.NewSigningKey();
        var clock = Stopwatch.StartNew();
        var terminalSide = Task.Run(async () =>
        {
            var link = new DockLink(terminal.BaseStream);
            using var channel = await DockHandshake.TerminalAsync(link, "T-bench", terminalKey, DockKeys.PublicPoint(district), CancellationToken.None).ConfigureAwait(false);
            await new DockResponder("T-bench", DockKeys.PublicPoint(district), outbox).ServeAsync(link, channel, CancellationToken.None).ConfigureAwait(false);
        });
        var hostLink = new DockLink(host.BaseStream);
        var (id, hostChannel) = await DockHandshake.HostAsync(hostLink, district, t => t == "T-bench" ? DockKeys.PublicPoint(terminalKey) : null, CancellationToken.None).ConfigureAwait(false);
        PullResult result;
        using (hostChannel)
        {
            result = await new DockPuller(district, staging, sink) { ChunkSize = DockPuller.MaxChunk }.PullAsync(hostLink, hostChannel, id, CancellationToken.None).ConfigureAwait(false);
        }
        await terminalSide.ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        log.WriteLine($"  dock: {result.Packages} packages, {result.PayloadBytes / 1048576.0:0.0} MiB in {seconds:0.00} s; raw copy {raw / 1048576.0:0.0} MiB/s");
        return
        [
            new BenchRow($"Dock: 1,000 records × 300 KB pulled over a pty ({Packages / seconds:0} records/s)", result.PayloadBytes / seconds / 1048576.0, "MiB/s", raw / 1048576.0, "plain copy over the same pty", 0.9, AtLeast: true),
        ];
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
