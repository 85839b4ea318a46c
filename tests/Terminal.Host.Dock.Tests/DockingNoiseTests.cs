using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// A noisy cable between the real ends (bytes corrupted and dropped, frames duplicated and reordered), docking
/// again until the outbox is empty. A class of its own, apart from <see cref="DockingFaultTests"/>: each lost frame
/// costs an answer timeout, so this is the tier's longest test, and classes run in parallel (AssemblyAttributes.cs)
/// while a class's tests run one after another: beside the 500 cuts, the two waited for each other.
/// </summary>
[TestClass]
public sealed class DockingNoiseTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    public async Task Docking_BytesCorruptedDroppedFramesDuplicatedAndReordered_DeliversEverythingOnce()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(41);
        var finalized = Enumerable.Range(0, 4).Select(_ => DockWorld.FinalizeSample(store, 1, 20_000, random)).ToDictionary(i => i.Sequence);
        for (var attempt = 0; store.Outbox().Count > 0; attempt++)
        {
            Assert.IsLessThan(40, attempt, "no progress");
            var cable = new FaultyCable(corruptEvery: 7919, dropEvery: 10007, seed: attempt, duplicateEvery: 5, reorderEvery: 7);
            // a lost frame costs one answer timeout; 2 s (not the 300 ms of the quick tests) so that a loaded machine's
            // slow answers are not taken for lost ones and every attempt still makes progress
            var (_, hostError, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(chunkSize: 4096, answerTimeout: TimeSpan.FromSeconds(2)), cable);
            TestContext.WriteLine($"attempt {attempt}: {hostError?.GetType().Name} {hostError?.Message}; {store.Outbox().Count} waiting");
            await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, $"attempt {attempt}");
        }
        Assert.IsEmpty(await world.DistrictStore.MissingSequencesAsync(DockWorld.TerminalId));
        await DockInvariants.AuditChainsAgreeAsync(world, store, finalized, "after the faults");
    }
}
