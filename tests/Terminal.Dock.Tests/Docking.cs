using Terminal.Testing.Dock;
using System.Security.Cryptography;
using Terminal.Dock.Framing;
using Terminal.Dock.Pull;
using Terminal.Dock.Session;

namespace Terminal.Dock.Tests;

/// <summary>Both ends of one docking over two streams, as the host service and the terminal app run them.</summary>
internal sealed class Docking : IDisposable
{
    public const string TerminalId = "T650105-04";

    public ECDsa DistrictKey { get; } = DockKeys.NewSigningKey();
    public ECDsa TerminalKey { get; } = DockKeys.NewSigningKey();
    public MemoryStaging Staging { get; } = new();
    public MemorySink Sink { get; } = new();

    public byte[]? ProvisionedTerminal(string id) => id == TerminalId ? DockKeys.PublicPoint(TerminalKey) : null;

    /// <summary>Runs one docking; returns the host's result, or the exception that ended it (host side first).</summary>
    public async Task<(PullResult? Result, Exception? HostError, Exception? TerminalError)> RunAsync(
        Stream hostEnd, Stream terminalEnd, IOutbox outbox, int chunkSize = 1024, TimeSpan? answerTimeout = null, ECDsa? terminalKey = null, byte[]? districtPoint = null)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var host = Task.Run(async () =>
        {
            var link = new DockLink(hostEnd);
            var (id, channel) = await DockHandshake.HostAsync(link, DistrictKey, ProvisionedTerminal, stop.Token);
            using (channel)
            {
                var puller = new DockPuller(DistrictKey, Staging, Sink) { ChunkSize = chunkSize, AnswerTimeout = answerTimeout ?? TimeSpan.FromMilliseconds(300) };
                return await puller.PullAsync(link, channel, id, stop.Token);
            }
        });
        var terminal = Task.Run(async () =>
        {
            var link = new DockLink(terminalEnd);
            using var channel = await DockHandshake.TerminalAsync(link, TerminalId, terminalKey ?? TerminalKey, districtPoint ?? DockKeys.PublicPoint(DistrictKey), stop.Token);
            await new DockResponder(TerminalId, DockKeys.PublicPoint(DistrictKey), outbox).ServeAsync(link, channel, stop.Token);
        });
        PullResult? result = null;
        Exception? hostError = null, terminalError = null;
        try
        {
            result = await host;
        }
        catch (Exception e)
        {
            hostError = e;
            hostEnd.Dispose();
            terminalEnd.Dispose();
        }
        try
        {
            await terminal.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e)
        {
            terminalError = e;
        }
        return (result, hostError, terminalError);
    }

    public void Dispose()
    {
        DistrictKey.Dispose();
        TerminalKey.Dispose();
    }
}
