using Terminal.Storage.Sealing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// A quarantined package released by the office is fetched and verified again at the next docking: here the host
/// first ran with the wrong district key (a restore of the wrong backup), quarantined what it could not open, and once
/// the right key is back and the packages released, they are committed, receipted and purged from the terminal.
/// </summary>
[TestClass]
public sealed class DockQuarantineReleaseTests
{
    [TestMethod]
    public async Task Docking_AfterTheOfficeReleasesQuarantinedPackages_VerifiesThemAgainAndCommitsThem()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(11);
        var finalized = Enumerable.Range(0, 2).Select(_ => DockWorld.FinalizeSample(store, 1, 6_000, random)).ToList();
        using var wrongKey = DistrictKeyPair.Generate(DistrictSuite.P256);
        var misconfigured = new HostDocking(world.DistrictStore, world.DockKey, wrongKey, world.Staging, world.Log) { AnswerTimeout = TimeSpan.FromSeconds(2) };
        var cable = new FaultyCable();
        var (first, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, misconfigured);
        Assert.IsNull(error, error?.ToString());
        Assert.HasCount(2, first!.Quarantined);

        // the right key is back, but quarantined packages are not fetched again until released
        var second = new FaultyCable();
        var (held, heldError, _) = await Exchange.RunAsync(world, store, second.HostEnd, second.TerminalEnd, world.Host(answerTimeout: TimeSpan.FromSeconds(2)));
        Assert.IsNull(heldError, heldError?.ToString());
        Assert.IsEmpty(held!.Committed);
        Assert.HasCount(2, store.Outbox());

        var quarantined = await world.DistrictStore.QuarantinedAsync(DockWorld.TerminalId);
        foreach (var package in quarantined)
        {
            Assert.IsTrue(await world.DistrictStore.ReleaseQuarantinedAsync(DockWorld.TerminalId, package.Sequence, package.Sha256, "admin1", DateTimeOffset.UtcNow));
        }
        var again = new FaultyCable();
        var (released, releasedError, _) = await Exchange.RunAsync(world, store, again.HostEnd, again.TerminalEnd, world.Host(answerTimeout: TimeSpan.FromSeconds(2)));
        Assert.IsNull(releasedError, releasedError?.ToString());
        Assert.HasCount(2, released!.Committed);
        Assert.IsEmpty(released.Quarantined);
        Assert.IsEmpty(store.Outbox(), "receipted and purged on the terminal");
        foreach (var item in finalized)
        {
            Assert.IsNotNull(await world.DistrictStore.RecordAsync(item.RecordId, item.Version));
        }
        Assert.IsEmpty(await world.DistrictStore.QuarantinedAsync(DockWorld.TerminalId));
    }
}
