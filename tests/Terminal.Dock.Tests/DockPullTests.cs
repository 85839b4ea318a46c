using Terminal.Testing.Dock;
using Terminal.Dock.Pull;
using Terminal.Dock.Session;

namespace Terminal.Dock.Tests;

[TestClass]
public sealed class DockPullTests
{
    private static void AssertExactlyOnce(Docking docking, MemoryOutbox original, IEnumerable<long> sequences)
    {
        foreach (var s in sequences)
        {
            Assert.IsTrue(docking.Sink.Committed.TryGetValue((Docking.TerminalId, s), out var bytes), $"package {s} missing at the district");
            CollectionAssert.AreEqual(original.Package(s), bytes, $"package {s} differs");
        }
    }

    [TestMethod]
    public async Task Pull_WholeOutbox_CommitsEveryPackageAndPurgesOnlyAfterTheReceipt()
    {
        using var docking = new Docking();
        var outbox = MemoryOutbox.With(new Random(1), 5, 100, 5000);
        var copy = MemoryOutbox.With(new Random(1), 5, 100, 5000);
        var cable = new FaultyCable();
        var (result, hostError, terminalError) = await docking.RunAsync(cable.HostEnd, cable.TerminalEnd, outbox);
        Assert.IsNull(hostError, hostError?.ToString());
        Assert.IsNull(terminalError, terminalError?.ToString());
        Assert.AreEqual(5, result!.Packages);
        Assert.AreEqual(5, result.Purged);
        AssertExactlyOnce(docking, copy, [1, 2, 3, 4, 5]);
        Assert.IsEmpty(outbox.Waiting);
    }

    [TestMethod]
    public async Task Pull_CableCutAtARandomByte_FiveHundredTimes_EveryPackageArrivesExactlyOnce()
    {
        var random = new Random(20261123);
        for (var run = 0; run < 500; run++)
        {
            using var docking = new Docking();
            var seed = random.Next();
            var outbox = MemoryOutbox.With(new Random(seed), 3, 200, 3000);
            var copy = MemoryOutbox.With(new Random(seed), 3, 200, 3000);
            var sessions = 0;
            while (outbox.Waiting.Count > 0)
            {
                Assert.IsLessThan(60, ++sessions, $"run {run}: no progress after {sessions} dockings");
                var cable = new FaultyCable(cutAfter: random.Next(0, 14000));
                await docking.RunAsync(cable.HostEnd, cable.TerminalEnd, outbox);
                foreach (var purged in outbox.Purged)
                {
                    Assert.IsTrue(docking.Sink.Committed.ContainsKey((Docking.TerminalId, purged)), $"run {run}: package {purged} purged without being committed");
                }
            }
            AssertExactlyOnce(docking, copy, [1, 2, 3]);
            Assert.HasCount(3, docking.Sink.Committed);
        }
    }

    [TestMethod]
    public async Task Pull_BytesCorruptedAndDropped_RecoversAndDelivers()
    {
        using var docking = new Docking();
        var outbox = MemoryOutbox.With(new Random(7), 4, 1000, 8000);
        var copy = MemoryOutbox.With(new Random(7), 4, 1000, 8000);
        for (var attempt = 0; outbox.Waiting.Count > 0; attempt++)
        {
            Assert.IsLessThan(30, attempt);
            var cable = new FaultyCable(corruptEvery: 2999, dropEvery: 4001, seed: attempt);
            await docking.RunAsync(cable.HostEnd, cable.TerminalEnd, outbox, chunkSize: 512);
        }
        AssertExactlyOnce(docking, copy, [1, 2, 3, 4]);
    }

    [TestMethod]
    public async Task Pull_ResumesFromTheLastVerifiedChunk_ResendingLessThanAChunk()
    {
        using var docking = new Docking();
        var outbox = MemoryOutbox.With(new Random(3), 1, 20000, 20001);
        // a chunk of 4 KiB: requests of 1 KiB, at most 4 KiB in flight when the cable is cut
        var first = new FaultyCable(cutAfter: 12000);
        await docking.RunAsync(first.HostEnd, first.TerminalEnd, outbox, chunkSize: 4096);
        var cable = new FaultyCable();
        var (result, error, _) = await docking.RunAsync(cable.HostEnd, cable.TerminalEnd, outbox, chunkSize: 4096);
        Assert.IsNull(error, error?.ToString());
        Assert.IsGreaterThan(8000, result!.ResumedBytes, "what arrived before the cut is not fetched again");
        Assert.AreEqual(20000 - result.ResumedBytes, result.PayloadBytes);
    }

    [TestMethod]
    public async Task Handshake_UnprovisionedTerminal_IsRefusedAndNothingMoves()
    {
        using var docking = new Docking();
        using var stranger = DockKeys.NewSigningKey();
        var outbox = MemoryOutbox.With(new Random(1), 2, 100, 200);
        var cable = new FaultyCable();
        var (_, hostError, terminalError) = await docking.RunAsync(cable.HostEnd, cable.TerminalEnd, outbox, terminalKey: stranger);
        Assert.IsInstanceOfType<DockSecurityException>(hostError);
        Assert.IsInstanceOfType<DockSecurityException>(terminalError);
        Assert.IsEmpty(docking.Sink.Committed);
        Assert.HasCount(2, outbox.Waiting);
    }

    [TestMethod]
    public async Task Handshake_ForeignHost_IsRefusedByTheTerminal()
    {
        using var docking = new Docking();
        using var otherDistrict = DockKeys.NewSigningKey();
        var outbox = MemoryOutbox.With(new Random(1), 2, 100, 200);
        var cable = new FaultyCable();
        var (_, _, terminalError) = await docking.RunAsync(cable.HostEnd, cable.TerminalEnd, outbox, districtPoint: DockKeys.PublicPoint(otherDistrict));
        Assert.IsInstanceOfType<DockSecurityException>(terminalError);
        StringAssert.Contains(terminalError!.Message, "not our district");
        Assert.HasCount(2, outbox.Waiting, "nothing purged for a foreign host");
    }
}
