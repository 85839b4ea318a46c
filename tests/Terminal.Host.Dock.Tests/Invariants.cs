using Terminal.Storage.Audit;
using Terminal.Storage.Store;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>What must hold after any docking, cut or not (the "afterwards").</summary>
internal static class Invariants
{
    /// <summary>Every record finalized is in the district database exactly once, or still in the outbox (or both); nothing left the outbox without being committed.</summary>
    public static async Task NothingLostNothingTwiceAsync(DockWorld world, TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        var waiting = store.Outbox().Select(o => o.Sequence).ToHashSet();
        foreach (var (sequence, item) in finalized)
        {
            var record = await world.DistrictStore.RecordAsync(item.RecordId, item.Version);
            if (!waiting.Contains(sequence))
            {
                Assert.IsNotNull(record, $"{context}: sequence {sequence} was purged but is not in the district database");
            }
        }
        var rows = await CountRecordsAsync(world);
        var committed = 0;
        foreach (var item in finalized.Values)
        {
            if (await world.DistrictStore.RecordAsync(item.RecordId, item.Version) is not null)
            {
                committed++;
            }
        }
        Assert.AreEqual(committed, rows, $"{context}: the district database holds {rows} records for {committed} distinct ones");
    }

    /// <summary>Each purge in the terminal's audit chain names a receipt the host's docking log holds, for that same sequence.</summary>
    public static void AuditChainsAgree(DockWorld world, TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        Assert.IsEmpty(DockLog.Verify(world.LogPath), $"{context}: the host's docking log does not verify");
        var log = store.AuditLog();
        var report = AuditVerifier.Verify(log, store.SigningPublicKey.Span);
        Assert.IsEmpty(report.Problems, $"{context}: the terminal's audit chain does not verify");
        var receipts = world.Log.Entries().SelectMany(e => e.Receipts).GroupBy(r => r.Sha256).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Sequences).ToHashSet());
        var byRef = finalized.Values.ToDictionary(i => FormattableString.Invariant($"{i.RecordId:D}/v{i.Version}"), i => i.Sequence);
        foreach (var purge in log.Where(e => e.Action == AuditAction.Purge))
        {
            var sha = purge.Detail["receipt:".Length..];
            Assert.IsTrue(receipts.TryGetValue(sha, out var sequences), $"{context}: the terminal purged {purge.Subject} by receipt {sha[..12]}…, which the host never logged");
            Assert.Contains(byRef[purge.Subject], sequences, $"{context}: receipt {sha[..12]}… does not name {purge.Subject}");
        }
    }

    private static async Task<long> CountRecordsAsync(DockWorld world)
    {
        await using var c = await world.Database.OpenAsync(CancellationToken.None);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
