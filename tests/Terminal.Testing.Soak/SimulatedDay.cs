using System.Diagnostics;
using Terminal.Firmware.Web;
using Terminal.Host.Dock;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Migrations;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using Terminal.Records.Model;
using Terminal.Dock.Session;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing.Dock;

namespace Terminal.Testing.Soak;

/// <summary>
/// A simulated day of collection (issue 11): the terminals of a <see cref="SoakPlan"/> are provisioned and collect
/// their subjects through the real workflow code (<see cref="TerminalDay"/>), then each docks into one district host
/// over a pty, its first dockings' cables pulled at random bytes, until its outbox is empty. Afterwards the host
/// must hold exactly the day's subjects, each once, each signature valid, every terminal's audit chain verified and
/// held whole, and the dashboard's counts must agree (<see cref="HostChecks"/>). Used by the suite's shortened soak
/// (Terminal.Firmware.Tests) and the bench's full one (`./bench soak`): one copy.
/// </summary>
public static class SimulatedDay
{
    public static async Task<SoakReport> RunAsync(SoakPlan plan, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var folder = Path.Combine(Path.GetTempPath(), "soak-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            return await RunAsync(plan, folder, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite's handles may linger a moment; the temporary folder is left to the system
            }
        }
    }

    private static async Task<SoakReport> RunAsync(SoakPlan plan, string folder, TextWriter? log, CancellationToken cancellationToken)
    {
        var random = new Random(plan.Seed);
        using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
        using var dockKey = DockKeys.NewSigningKey();
        var database = DistrictDatabase.SqliteFile(Path.Combine(folder, "district.db"));
        await Migrator.MigrateAsync(database, cancellationToken).ConfigureAwait(false);
        var host = new DistrictStore(database);
        foreach (var p in CollectionPoints.Of("650105"))
        {
            await host.SaveCollectionPointAsync(new CollectionPoint(p.Code, p.Name, p.Streets, 100), cancellationToken).ConfigureAwait(false);
        }

        // the collection: each terminal its share of the subjects
        int faults = 0, retries = 0, restarts = 0, resumed = 0;
        var collecting = TimeSpan.Zero;
        var terminals = new List<(string Id, TerminalStoreOptions Options)>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < plan.Terminals; t++)
        {
            var terminalId = $"T650105-0{t + 1}";
            var point = $"650105-0{t + 1}";
            var storeOptions = new TerminalStoreOptions { Folder = Path.Combine(folder, terminalId), Argon2id = Argon2idOptions.Cheap };
            using (var recovery = RecoveryKey.Generate())
            using (var store = TerminalStore.Provision(storeOptions, new TerminalProvisioning(terminalId, district.PublicKey, recovery, TerminalDay.Operator, TerminalDay.Pin, DockKeys.PublicPoint(dockKey))))
            {
                await host.RegisterTerminalAsync(new TerminalRegistration(terminalId, point, store.SigningPublicKey.ToArray(), DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
            }
            terminals.Add((terminalId, storeOptions));
            var first = plan.Subjects * t / plan.Terminals;
            var subjects = Enumerable.Range(first, plan.Subjects * (t + 1) / plan.Terminals - first).Select(SoakSubjects.Subject).ToList();
            foreach (var subject in subjects)
            {
                if (!expected.Add(subject.Text("identity.idNumber")!))
                {
                    throw new InvalidOperationException("the plan gives two subjects one ID number");
                }
            }
            var clock = Stopwatch.StartNew();
            var counts = await TerminalDay.CollectAsync(
                new TerminalAppOptions { StoreFolder = storeOptions.Folder, CollectionPointCode = point, DemoCamera = true }, subjects, plan, random, cancellationToken).ConfigureAwait(false);
            collecting += clock.Elapsed;
            faults += counts.Faults;
            retries += counts.Retries;
            restarts += counts.Restarts;
            resumed += counts.DraftsResumed;
            log?.WriteLine($"  soak: {terminalId} collected {counts.Subjects} subjects in {clock.Elapsed.TotalSeconds:0.0} s ({counts.Faults} card faults, {counts.Retries} retries, {counts.Restarts} restarts)");
        }

        // the docking: every terminal into the one host, its first dockings' cables pulled at a random byte
        var problems = new List<string>();
        var dockLogPath = Path.Combine(folder, "dock-log.txt");
        var dockLog = new DockLog(dockLogPath);
        var office = new SoakDocking(host, dockKey, district, new FileDockStaging(Path.Combine(folder, "staging")), dockLog);
        int pulls = 0, dockings = 0;
        var docking = TimeSpan.Zero;
        foreach (var (terminalId, storeOptions) in terminals)
        {
            using var store = TerminalStore.Open(storeOptions);
            if (!store.Login(TerminalDay.Operator, TerminalDay.Pin).Succeeded)
            {
                throw new InvalidOperationException($"{terminalId}: the field worker could not log in to dock");
            }
            var finalized = store.Outbox().ToDictionary(i => i.Sequence);
            var clock = Stopwatch.StartNew();
            var pullsLeft = plan.PulledDockings;
            for (var clean = 0; store.Outbox().Count > 0; dockings++)
            {
                if (pullsLeft > 0)
                {
                    pullsLeft--;
                    var at = random.NextInt64(1_000, Math.Max(2_000, OutboxBytes(store)));
                    pulls += await office.DockAsync(store, at, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }
                else if (clean++ < 3)
                {
                    await office.DockAsync(store, pullAfterBytes: null, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    problems.Add($"{terminalId}: three clean dockings left {store.Outbox().Count} records in the outbox");
                    break;
                }
            }
            docking += clock.Elapsed;
            log?.WriteLine($"  soak: {terminalId} docked {finalized.Count} records in {clock.Elapsed.TotalSeconds:0.0} s");
            problems.AddRange(await HostChecks.AuditChainAsync(database, dockLog, dockLogPath, terminalId, store, finalized).ConfigureAwait(false));
        }
        if (plan.PulledDockings > 0 && pulls == 0)
        {
            problems.Add("no docking had its cable pulled: the day did not test what it should");
        }

        var verified = await HostChecks.RecordsAsync(host, expected, problems, cancellationToken).ConfigureAwait(false);
        problems.AddRange(await HostChecks.DashboardAsync(host, expected.Count, cancellationToken).ConfigureAwait(false));
        return new SoakReport(expected.Count, faults, retries, restarts, resumed, pulls, dockings, collecting, docking, verified, problems);
    }

    private static long OutboxBytes(TerminalStore store) =>
        store.Outbox().Sum(i => (long)i.SealedRecord.Length + i.SealedStrokes.Length + i.SealedPhotos.Sum(p => (long)p.Length));
}
