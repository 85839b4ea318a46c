using Terminal.Host.Dock;
using Terminal.Host.Storage;
using Terminal.Storage.Audit;
using Terminal.Storage.Store;

namespace Terminal.Testing.Dock;

/// <summary>What must hold after any docking, cut or not (the issue's "afterwards"); a violation throws, naming it.</summary>
public static class DockInvariants
{
    /// <summary>
    /// Nothing left the outbox without being committed at the district, and the district database holds each record
    /// at most once (its rows equal the distinct finalized records it has).
    /// </summary>
    public static async Task NothingLostNothingTwiceAsync(DockWorld world, TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(finalized);
        var waiting = store.Outbox().Select(o => o.Sequence).ToHashSet();
        var rows = new List<(string Id, long Version)>();
        await using (var c = await world.Database.OpenAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var command = c.CreateCommand())
        {
            command.CommandText = "SELECT record_id, version FROM records";
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        var held = rows.ToHashSet();
        if (held.Count != rows.Count)
        {
            throw new InvalidOperationException($"{context}: the district database holds a record version twice");
        }
        var committed = 0;
        foreach (var (sequence, item) in finalized)
        {
            if (held.Contains((item.RecordId.ToString("D"), item.Version)))
            {
                committed++;
            }
            else if (!waiting.Contains(sequence))
            {
                throw new InvalidOperationException($"{context}: sequence {sequence} was purged but is not in the district database");
            }
        }
        if (rows.Count != committed)
        {
            throw new InvalidOperationException($"{context}: the district database holds {rows.Count} records for {committed} finalized here");
        }
    }

    /// <summary>
    /// Both logs verify; each purge in the terminal's audit chain names a receipt the host's docking log holds for that
    /// same sequence; and the district database holds the terminal's audit chain exactly: every entry once, in order,
    /// byte for byte, from the first up to at least the start of the last docking (what follows it, the purges of that
    /// docking, travels with the next). Call it after a docking that ended well.
    /// </summary>
    public static Task AuditChainsAgreeAsync(DockWorld world, TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        ArgumentNullException.ThrowIfNull(world);
        return AuditChainsAgreeAsync(world.Database, world.Log, world.LogPath, DockWorld.TerminalId, store, finalized, context);
    }

    /// <summary>
    /// <see cref="AuditChainsAgreeAsync(DockWorld, TerminalStore, IReadOnlyDictionary{long, OutboxItem}, string)"/> for
    /// any terminal docked into <paramref name="database"/> by a host keeping its docking log at <paramref name="logPath"/>
    /// (several terminals into one host, as in the simulated day).
    /// </summary>
    public static async Task AuditChainsAgreeAsync(DistrictDatabase database, DockLog hostLog, string logPath, string terminalId,
        TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        ArgumentNullException.ThrowIfNull(database);
        AuditChainsAgree(hostLog, logPath, store, finalized, context);
        var rows = new List<(long Sequence, byte[] Body)>();
        await using (var c = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var command = c.CreateCommand())
        {
            command.CommandText = "SELECT sequence, body FROM audit_entries WHERE terminal_id = @terminal ORDER BY sequence";
            var terminal = command.CreateParameter();
            terminal.ParameterName = "@terminal";
            terminal.Value = terminalId;
            command.Parameters.Add(terminal);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
            }
        }
        var log = store.AuditLog();
        if (rows.Count > log.Count)
        {
            throw new InvalidOperationException($"{context}: the district holds {rows.Count} audit entries of a terminal that has {log.Count}");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Sequence != i + 1 || !rows[i].Body.AsSpan().SequenceEqual(AuditEntryCodec.Encode(log[i])))
            {
                throw new InvalidOperationException($"{context}: the district's audit entry {rows[i].Sequence} is not the terminal's entry {i + 1}");
            }
        }
        var lastDock = log.LastOrDefault(e => e.Action == AuditAction.Dock)?.Sequence ?? 0;
        if (rows.Count < lastDock)
        {
            throw new InvalidOperationException($"{context}: the district holds the terminal's audit chain up to {rows.Count}, not up to the last docking's start ({lastDock})");
        }
    }

    /// <summary>Both logs verify, and each purge in the terminal's audit chain names a receipt the host's docking log holds for that same sequence.</summary>
    public static void AuditChainsAgree(DockWorld world, TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        ArgumentNullException.ThrowIfNull(world);
        AuditChainsAgree(world.Log, world.LogPath, store, finalized, context);
    }

    /// <summary>The same for a host whose docking log is <paramref name="hostLog"/>, kept at <paramref name="logPath"/>.</summary>
    public static void AuditChainsAgree(DockLog hostLog, string logPath, TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized, string context)
    {
        ArgumentNullException.ThrowIfNull(hostLog);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(finalized);
        if (DockLog.Verify(logPath) is { Count: > 0 } hostProblems)
        {
            throw new InvalidOperationException($"{context}: the host's docking log does not verify: {string.Join("; ", hostProblems)}");
        }
        var log = store.AuditLog();
        if (AuditVerifier.Verify(log, store.SigningPublicKey.Span).Problems is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"{context}: the terminal's audit chain does not verify: {string.Join("; ", problems.Select(p => p.Message))}");
        }
        var receipts = hostLog.Entries().SelectMany(e => e.Receipts).GroupBy(r => r.Sha256).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Sequences).ToHashSet());
        var byRef = finalized.Values.ToDictionary(i => FormattableString.Invariant($"{i.RecordId:D}/v{i.Version}"), i => i.Sequence);
        foreach (var purge in log.Where(e => e.Action == AuditAction.Purge))
        {
            var sha = purge.Detail["receipt:".Length..];
            if (!receipts.TryGetValue(sha, out var sequences) || !sequences.Contains(byRef[purge.Subject]))
            {
                throw new InvalidOperationException($"{context}: the terminal purged {purge.Subject} by receipt {sha[..12]}…, which the host's log does not hold for it");
            }
        }
    }
}
