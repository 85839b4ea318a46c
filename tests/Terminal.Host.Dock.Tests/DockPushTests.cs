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
        var queue = new QueuedPushes(
        [
            PushItem.Operators([new OperatorUpdate("op-0402", "975310")]),
            .. PushItem.InitialData([new InitialDataEntry(id1, "单晓燕", new Dictionary<string, string> { ["personal.street"] = "650105007" })], []),
            PushItem.Corrections("650105-04", [new CorrectionItem(record, 1, CorrectionKind.Problem, ["module7.grade"], "残疾等级与证件不符，请核对")]),
        ]);
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(pushes: queue));
        Assert.IsNull(error, error?.ToString());
        Assert.HasCount(4, entry!.Pushes, "clock + three queued");
        Assert.IsTrue(entry.Pushes.All(a => a.Status == PushStatus.Applied), string.Join("; ", entry.Pushes));
        Assert.IsEmpty(queue.Pending);
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
        var queue = new QueuedPushes([PushItem.Operators([new OperatorUpdate("op-0402", "12")])]);
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(pushes: queue));
        Assert.IsNull(error, error?.ToString());
        var refused = entry!.Pushes.Single(a => a.Kind == PushKind.Operators);
        Assert.AreEqual(PushStatus.Refused, refused.Status);
        StringAssert.Contains(refused.Message, "PIN");
        Assert.HasCount(1, queue.Pending);
    }

    private sealed class QueuedPushes(IEnumerable<PushItem> pushes) : IDockPushSource
    {
        public List<PushItem> Pending { get; } = [.. pushes];

        public Task<IReadOnlyList<PushItem>> PendingAsync(string terminalId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PushItem>>([.. Pending]);

        public Task DeliveredAsync(string terminalId, IReadOnlyList<PushAck> answers, CancellationToken cancellationToken)
        {
            Pending.RemoveAll(p => answers.Any(a => a.Id == p.Id && a.Status != PushStatus.Refused));
            return Task.CompletedTask;
        }
    }
}
