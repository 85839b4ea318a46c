using Terminal.Dock.Session;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// Faults on the cable between the real ends: the terminal's store and the district database (SQLite here; the
/// PostgreSQL twin is in <see cref="DockingOnPostgresTests"/>), over in-memory cables so hundreds of cuts stay fast.
/// </summary>
[TestClass]
public sealed class DockingFaultTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    public async Task Docking_CableCutAtARandomByte_FiveHundredTimes_EveryRecordExactlyOnceAndNothingPurgedWithoutReceipt()
    {
        using var world = await DockWorld.CreateAsync();
        var report = await CableCuts.RunAsync(world, 500, 20261202);
        Assert.AreEqual(500, report.Cuts);
        TestContext.WriteLine($"{report.Cuts} cuts in {report.Dockings} dockings of {report.Records} records, {report.Elapsed.TotalSeconds:0.0} s");
    }

    [TestMethod]
    public async Task Docking_RecordedHostSessionReplayedToTheTerminal_IsRefusedAndNothingPurged()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(5);
        DockWorld.FinalizeSample(store, 1, 5000, random);
        var cable = new FaultyCable();
        var recorder = new RecordingStream(cable.HostEnd);
        var (_, error, _) = await Exchange.RunAsync(world, store, recorder, cable.TerminalEnd);
        Assert.IsNull(error, error?.ToString());
        DockWorld.FinalizeSample(store, 1, 5000, random);
        var replay = new ReplayStream(recorder.Written);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var e = await Assert.ThrowsExactlyAsync<DockSecurityException>(() => new Terminal.Dock.Handheld.HandheldDock(store).ServeOneAsync(replay, stop.Token));
        StringAssert.Contains(e.Message, "not our district");
        Assert.HasCount(1, store.Outbox(), "the replay purged nothing");
    }

    [TestMethod]
    public async Task Docking_UnprovisionedTerminal_IsRefusedLoggedAndNothingMoves()
    {
        using var world = await DockWorld.CreateAsync();
        using var other = await DockWorld.CreateAsync(); // a terminal of another district's provisioning, same id, other keys
        using var store = other.OpenStore();
        DockWorld.FinalizeSample(store, 1, 5000, new Random(1));
        var cable = new FaultyCable();
        var terminalSide = Task.Run(() => new Terminal.Dock.Handheld.HandheldDock(store).ServeOneAsync(cable.TerminalEnd, CancellationToken.None));
        await Assert.ThrowsExactlyAsync<DockSecurityException>(() => world.Host().RunAsync(cable.HostEnd, CancellationToken.None));
        await Assert.ThrowsExactlyAsync<DockSecurityException>(() => terminalSide);
        Assert.HasCount(1, store.Outbox());
        Assert.AreEqual("refused", world.Log.Entries().Single().Outcome);
        Assert.IsEmpty(await world.DistrictStore.MissingSequencesAsync(DockWorld.TerminalId));
        Assert.IsNull(await world.DistrictStore.RecordAsync(store.Outbox()[0].RecordId));
    }

    [TestMethod]
    public async Task Docking_ForeignHost_IsRefusedByTheTerminalAndNothingPurged()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        DockWorld.FinalizeSample(store, 1, 5000, new Random(2));
        using var foreignKey = DockKeys.NewSigningKey();
        var foreign = new HostDocking(world.DistrictStore, foreignKey, world.District, world.Staging, world.Log);
        var cable = new FaultyCable();
        var (_, hostError, terminalError) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, foreign);
        Assert.IsNotNull(hostError);
        Assert.IsInstanceOfType<DockSecurityException>(terminalError);
        Assert.HasCount(1, store.Outbox());
        Assert.IsNull(await world.DistrictStore.RecordAsync(store.Outbox()[0].RecordId));
    }

    [TestMethod]
    public async Task Docking_NobodyLoggedInOnTheTerminal_IsRefusedSayingSo()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        store.Logout();
        var cable = new FaultyCable();
        var (_, hostError, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd);
        Assert.IsInstanceOfType<DockSecurityException>(hostError);
        StringAssert.Contains(hostError!.Message, "终端未登录");
    }

    /// <summary>Passes everything through and keeps a copy of what was written.</summary>
    private sealed class RecordingStream(Stream inner) : PassThroughStream(inner)
    {
        private readonly MemoryStream _written = new();
        public byte[] Written => _written.ToArray();
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            lock (_written)
            {
                _written.Write(buffer.Span);
            }
            await Inner.WriteAsync(buffer, cancellationToken);
        }
    }

    /// <summary>Reads back recorded bytes (then blocks, as a quiet line does); what is written goes nowhere.</summary>
    private sealed class ReplayStream(byte[] recorded) : Stream
    {
        private int _at;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_at == recorded.Length)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            var n = Math.Min(buffer.Length, recorded.Length - _at);
            recorded.AsMemory(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
