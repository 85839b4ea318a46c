using System.Diagnostics;
using Terminal.Dock.Handheld;
using Terminal.Storage.Store;

namespace Terminal.Testing.Dock;

/// <summary>What a run of cable cuts did.</summary>
public sealed record CableCutReport(int Cuts, int Dockings, int Records, TimeSpan Elapsed);

/// <summary>
/// Dockings between the real ends of a <see cref="DockWorld"/> over in-memory cables cut at a random byte, with new
/// records finalized on the way, until the wanted number of cuts happened; then clean dockings until the outbox is
/// empty. After every docking the invariants are checked; at the end every record must be at the district, no
/// sequence missing, and both sides' logs must agree. A violation throws <see cref="InvalidOperationException"/>.
/// </summary>
public static class CableCuts
{
    public static async Task<CableCutReport> RunAsync(DockWorld world, int cuts, int seed)
    {
        ArgumentNullException.ThrowIfNull(world);
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        using var store = world.OpenStore();
        var finalized = new Dictionary<long, OutboxItem>();
        var made = 0;
        var sessions = 0;
        while (made < cuts)
        {
            if (store.Outbox().Count < 3)
            {
                var item = DockWorld.FinalizeSample(store, photos: random.Next(0, 3), photoBytes: random.Next(2_000, 30_000), random);
                finalized[item.Sequence] = item;
            }
            var cable = new FaultyCable(cutAfter: random.Next(0, 40_000), seed: random.Next());
            await DockAsync(world, store, cable).ConfigureAwait(false);
            sessions++;
            if (cable.IsCut)
            {
                made++;
            }
            await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, $"docking {sessions} (cut {made})").ConfigureAwait(false);
        }
        for (var attempt = 0; store.Outbox().Count > 0; attempt++)
        {
            if (attempt == 3)
            {
                throw new InvalidOperationException("three clean dockings did not empty the outbox");
            }
            await DockAsync(world, store, new FaultyCable()).ConfigureAwait(false);
            sessions++;
        }
        // one more clean docking: the audit entries of the last purges travel with it, so both chains can be compared whole
        await DockAsync(world, store, new FaultyCable()).ConfigureAwait(false);
        sessions++;
        await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, "after the last docking").ConfigureAwait(false);
        if (await world.DistrictStore.MissingSequencesAsync(DockWorld.TerminalId).ConfigureAwait(false) is { Count: > 0 } missing)
        {
            throw new InvalidOperationException($"sequences missing at the district: {string.Join(", ", missing)}");
        }
        if (finalized.Keys.Max() != store.LastSequence)
        {
            throw new InvalidOperationException("the finalized records and the store's sequence numbers disagree");
        }
        await DockInvariants.AuditChainsAgreeAsync(world, store, finalized, "after the cuts").ConfigureAwait(false);
        return new CableCutReport(made, sessions, finalized.Count, clock.Elapsed);
    }

    /// <summary>One docking over <paramref name="cable"/>; how it ended is for the invariants to judge.</summary>
    public static async Task DockAsync(DockWorld world, TerminalStore store, FaultyCable cable)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(cable);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var terminal = Task.Run(() => new HandheldDock(store).ServeOneAsync(cable.TerminalEnd, stop.Token));
        try
        {
            await world.Host().RunAsync(cable.HostEnd, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or Terminal.Dock.Pull.DockProtocolException or Terminal.Dock.Session.DockSecurityException)
        {
            cable.HostEnd.Dispose();
        }
        await cable.ReleaseAsync().ConfigureAwait(false);
        try
        {
            await terminal.WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or Terminal.Dock.Pull.DockProtocolException or Terminal.Dock.Session.DockSecurityException)
        {
            // the cut ended the terminal's side too
        }
    }
}
