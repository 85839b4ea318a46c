using Terminal.Testing.Dock;
using Terminal.Testing;

namespace Terminal.Dock.Tests;

/// <summary>A docking over a real pseudo-terminal pair (the tty layer between the two ends, as on the USB serial cable).</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class DockOverPtyTests
{

    [TestMethod]
    public async Task Pull_OverAPtyPair_DeliversEverything()
    {
        using var pty = PtyPair.Start();
        using var host = PtyPair.OpenSerial(pty.HostEnd, 115200);
        using var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200);
        using var docking = new Docking();
        var outbox = MemoryOutbox.With(new Random(11), 6, 10_000, 120_000);
        var copy = MemoryOutbox.With(new Random(11), 6, 10_000, 120_000);
        var (result, hostError, terminalError) = await docking.RunAsync(host.BaseStream, terminal.BaseStream, outbox, chunkSize: 32 * 1024, answerTimeout: TimeSpan.FromSeconds(3));
        Assert.IsNull(hostError, hostError?.ToString());
        Assert.IsNull(terminalError, terminalError?.ToString());
        Assert.AreEqual(6, result!.Packages);
        foreach (var s in new long[] { 1, 2, 3, 4, 5, 6 })
        {
            CollectionAssert.AreEqual(copy.Package(s), docking.Sink.Committed[(Docking.TerminalId, s)]);
        }
        Assert.IsEmpty(outbox.Waiting);
    }

    [TestMethod]
    public async Task Pull_CableCutMidTransferThenRedocked_Completes()
    {
        using var docking = new Docking();
        var outbox = MemoryOutbox.With(new Random(12), 4, 50_000, 90_000);
        using (var pty = PtyPair.Start())
        using (var host = PtyPair.OpenSerial(pty.HostEnd, 115200))
        using (var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200))
        {
            var run = docking.RunAsync(host.BaseStream, terminal.BaseStream, outbox, chunkSize: 16 * 1024, answerTimeout: TimeSpan.FromSeconds(1));
            var first = (await outbox.EntriesAsync(CancellationToken.None))[0];
            while (await docking.Staging.LengthAsync(Docking.TerminalId, first, CancellationToken.None) == 0 && !run.IsCompleted)
            {
                await Task.Delay(1);
            }
            pty.Unplug(); // the cable is pulled while the first package is on its way
            var (_, hostError, _) = await run;
            Assert.IsNotNull(hostError, "the docking broke off");
            Assert.IsEmpty(docking.Sink.Committed);
        }
        Assert.IsNotEmpty(outbox.Waiting, "nothing purged without a receipt");
        using (var pty = PtyPair.Start())
        using (var host = PtyPair.OpenSerial(pty.HostEnd, 115200))
        using (var terminal = PtyPair.OpenSerial(pty.DeviceEnd, 115200))
        {
            var (result, hostError, _) = await docking.RunAsync(host.BaseStream, terminal.BaseStream, outbox, chunkSize: 16 * 1024, answerTimeout: TimeSpan.FromSeconds(3));
            Assert.IsNull(hostError, hostError?.ToString());
            Assert.IsEmpty(outbox.Waiting);
            Assert.HasCount(4, docking.Sink.Committed);
            Assert.IsGreaterThan(0, result!.ResumedBytes, "resumed from what arrived before the cut");
        }
    }
}
