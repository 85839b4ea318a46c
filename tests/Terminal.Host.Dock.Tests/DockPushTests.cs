using Terminal.Dock.Push;
using Terminal.Storage.Audit;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>The host's pushes after the pull, applied on the real terminal store.</summary>
[TestClass]
public sealed class DockPushTests
{
    [TestMethod]
    public async Task Docking_WithQueuedPushes_AppliesEachOnTheTerminalAndNotAgainNextTime()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var id1 = SampleRecords.IdNumberFor(new DateOnly(1958, 4, 1), 11);
        var record = Guid.NewGuid();
        await new DistrictPushes(world.DistrictStore).QueueAsync(DockWorld.TerminalId,
        [
            PushItem.Operators([new OperatorUpdate("op-0402", "975310")]),
            .. PushItem.InitialData([new InitialDataEntry(id1, "单晓燕", new Dictionary<string, string> { ["personal.street"] = "650105007" })], []),
            .. PushItem.Corrections("650105-04", [new CorrectionItem(record, 1, CorrectionKind.Problem, ["module7.grade"], "残疾等级与证件不符，请核对")]),
        ], CancellationToken.None);
        // the host restarts: a new store over the same database finds the queue where it was left
        var queue = new DistrictPushes(new Terminal.Host.Storage.DistrictStore(world.Database));
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(pushes: queue));
        Assert.IsNull(error, error?.ToString());
        Assert.HasCount(4, entry!.Pushes, "clock + three queued");
        Assert.IsTrue(entry.Pushes.All(a => a.Status == PushStatus.Applied), string.Join("; ", entry.Pushes));
        Assert.IsEmpty(await queue.PendingAsync(DockWorld.TerminalId, CancellationToken.None));
        Assert.AreEqual("单晓燕", store.FindInitialData(id1)!.Name);
        Assert.AreEqual("module7.grade", store.Corrections().Single().FieldPaths.Single());
        Assert.IsNotNull(store.HostClock);
        var actions = store.AuditLog().Select(e => e.Action).ToList();
        CollectionAssert.IsSubsetOf(new[] { AuditAction.ClockSynced, AuditAction.OperatorAdded, AuditAction.InitialDataUpdated, AuditAction.CorrectionsReceived }, actions);
        store.Logout();
        Assert.IsTrue(store.Login("op-0402", "975310").Succeeded, "the pushed operator logs in");
    }

    [TestMethod]
    public async Task Docking_PushRefusedByTheTerminal_StaysQueuedAndTheDockingStillEnds()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var queue = new DistrictPushes(world.DistrictStore);
        await queue.QueueAsync(DockWorld.TerminalId, [PushItem.Operators([new OperatorUpdate("op-0402", "12")])], CancellationToken.None);
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(pushes: queue));
        Assert.IsNull(error, error?.ToString());
        var refused = entry!.Pushes.Single(a => a.Kind == PushKind.Operators);
        Assert.AreEqual(PushStatus.Refused, refused.Status);
        StringAssert.Contains(refused.Message, "PIN");
        var kept = await world.DistrictStore.PendingPushesAsync(DockWorld.TerminalId);
        Assert.HasCount(1, kept, "a refused push stays queued for the next docking");
        Assert.AreEqual("refused", kept[0].Status);
        StringAssert.Contains(kept[0].Answer, "PIN");
        var next = new FaultyCable();
        var again = await Exchange.RunAsync(world, store, next.HostEnd, next.TerminalEnd, world.Host(pushes: queue));
        Assert.AreEqual(PushStatus.Refused, again.Host!.Pushes.Single(a => a.Kind == PushKind.Operators).Status, "sent again at the next docking");
    }

    [TestMethod]
    public async Task Docking_PushAnswerLost_IsSentAgainNextTimeAndAnsweredAppliedBefore()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var queue = new DistrictPushes(world.DistrictStore);
        var push = PushItem.Corrections("650105-04", [new CorrectionItem(Guid.NewGuid(), 1, CorrectionKind.Missing, ["photos.PersonalPhoto"], "缺个人近照")]).Single();
        await queue.QueueAsync(DockWorld.TerminalId, [push], CancellationToken.None);
        // the terminal applies it, but the host never records the answer (as if the host were killed right then)
        var target = new Terminal.Dock.Handheld.StoreDockTarget(store);
        Assert.AreEqual(PushStatus.Applied, (await target.ApplyAsync(push, CancellationToken.None)).Status);
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(pushes: queue));
        Assert.IsNull(error, error?.ToString());
        Assert.AreEqual(PushStatus.AlreadyApplied, entry!.Pushes.Single(a => a.Id == push.Id).Status);
        Assert.IsEmpty(await world.DistrictStore.PendingPushesAsync(DockWorld.TerminalId));
        Assert.AreEqual(1, store.AuditLog().Count(e => e.Action == AuditAction.CorrectionsReceived), "applied once");
    }
}
