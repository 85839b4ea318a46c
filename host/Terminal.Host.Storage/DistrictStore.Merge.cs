using System.Data.Common;
using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// Merged duplicates (record_merges, migration 0070). The queries that count people (the quality queues, progress,
/// the reports' records and figures) leave out a record merged away with <see cref="NotMergedAway"/>, and take a
/// duplicate flag between two records merged together as settled with <see cref="SettledByMerge"/>: the flags and
/// the records themselves are never changed, so undoing a merge brings everything back as it was.
/// </summary>
public sealed partial class DistrictStore : IRecordMergeStore
{
    /// <summary>The most records merged into one at once.</summary>
    public const int MaxMergeGroup = 20;

    /// <summary>SQL: the record aliased <paramref name="record"/> is not merged into another by a standing merge.</summary>
    internal static string NotMergedAway(string record) =>
        $"NOT EXISTS (SELECT 1 FROM record_merges m WHERE m.merged_record_id = {record}.record_id AND m.undone_at IS NULL)";

    /// <summary>SQL: the flag aliased <paramref name="flag"/> names another record that a standing merge joined with its own.</summary>
    internal static string SettledByMerge(string flag) =>
        $"""
        ({flag}.related_record_id IS NOT NULL AND EXISTS (SELECT 1 FROM record_merges m WHERE m.undone_at IS NULL
           AND ((m.merged_record_id = {flag}.record_id AND m.kept_record_id = {flag}.related_record_id)
             OR (m.kept_record_id = {flag}.record_id AND m.merged_record_id = {flag}.related_record_id))))
        """;

    /// <inheritdoc/>
    public async Task<MergeOutcome> MergeAsync(Guid keptRecordId, IReadOnlyList<Guid> mergedRecordIds, string note, string userName, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mergedRecordIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"a note of at most {MaxNoteLength} characters", nameof(note));
        }
        var merged = mergedRecordIds.Distinct().ToList();
        if (merged.Count == 0 || merged.Contains(keptRecordId))
        {
            return MergeOutcome.Refused("请选择保留的记录，并至少勾选一条另外的记录合并到它");
        }
        if (merged.Count > MaxMergeGroup)
        {
            return MergeOutcome.Refused($"一次最多合并 {MaxMergeGroup} 条记录");
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (_database.Kind == DatabaseKind.Postgres)
        {
            // merges one at a time, so two reviewers cannot build a chain (A into B while B goes into C); SQLite writes one at a time anyway
            await c.ExecuteAsync(new CommandDefinition("LOCK TABLE record_merges IN SHARE ROW EXCLUSIVE MODE", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        var all = merged.Prepend(keptRecordId).Select(id => id.ToString("D")).ToList();
        var numbers = (await c.QueryAsync<(string Id, string? IdNumber)>(new CommandDefinition(
            $"SELECT r.record_id, r.id_number FROM records r WHERE r.record_id IN {InList(all, out var p)} AND r.version = (SELECT MAX(v.version) FROM records v WHERE v.record_id = r.record_id)",
            p, tx, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(r => r.Id, r => r.IdNumber, StringComparer.Ordinal);
        if (all.Any(id => !numbers.ContainsKey(id)))
        {
            return MergeOutcome.Refused("所选记录中有的不存在（编号有误）：请回到疑似重复队列重新选择");
        }
        var idNumber = numbers[all[0]];
        if (idNumber is null || all.Any(id => numbers[id] != idNumber))
        {
            return MergeOutcome.Refused("只能合并身份证号码相同的记录：所选记录的身份证号码不同，请核实是否同一人");
        }
        var standing = (await c.QueryAsync<(string Merged, string Kept)>(new CommandDefinition(
            $"SELECT merged_record_id, kept_record_id FROM record_merges WHERE undone_at IS NULL AND (merged_record_id IN {InList(all, out var q)} OR kept_record_id IN {InList(merged.Select(m => m.ToString("D")).ToList(), out var q2, prefix: "k")})",
            Combine(q, q2), tx, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (standing.Any(s => s.Merged == all[0]))
        {
            return MergeOutcome.Refused("选为保留的记录已合并到另一条记录：请选那条记录保留，或先撤销那次合并");
        }
        if (standing.Any(s => all.Contains(s.Merged, StringComparer.Ordinal)))
        {
            return MergeOutcome.Refused("所选记录中有的已合并到另一条记录：请刷新页面后重新选择");
        }
        if (standing.Count > 0)
        {
            return MergeOutcome.Refused("所选记录中有的已是其他记录合并后保留的记录：请把它选为保留的记录，或先撤销那次合并");
        }
        var written = merged.Select(m => new RecordMerge(Guid.NewGuid(), m, keptRecordId, idNumber, note, userName, at)).ToList();
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO record_merges (merge_id, merged_record_id, kept_record_id, id_number, note, merged_by, merged_at)
                VALUES (@MergeId, @MergedRecordId, @KeptRecordId, @IdNumber, @Note, @MergedBy, @MergedAt)
                """,
                written.Select(w => new { MergeId = w.MergeId.ToString("D"), MergedRecordId = w.MergedRecordId.ToString("D"), KeptRecordId = w.KeptRecordId.ToString("D"),
                    w.IdNumber, w.Note, w.MergedBy, MergedAt = Iso(w.MergedAt) }), tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return MergeOutcome.Refused("这些记录刚被其他人合并：请刷新页面后查看");
        }
        return new MergeOutcome(written, null);
    }

    /// <inheritdoc/>
    public async Task<RecordMerge?> UndoMergeAsync(Guid mergeId, string note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"a note of at most {MaxNoteLength} characters", nameof(note));
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var undone = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE record_merges SET undone_by = @userName, undone_at = @at, undo_note = @note WHERE merge_id = @id AND undone_at IS NULL",
            new { id = mergeId.ToString("D"), userName, at = Iso(at), note }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return undone == 1 ? (await MergesAsync(c, "merge_id = @id", new { id = mergeId.ToString("D") }, cancellationToken).ConfigureAwait(false)).Single() : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordMerge>> MergesAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await MergesAsync(c, "merged_record_id = @id OR kept_record_id = @id", new { id = recordId.ToString("D") }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<Guid, Guid>> MergedIntoAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var into = new Dictionary<Guid, Guid>();
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in Chunks(recordIds.Distinct().Select(id => id.ToString("D")).ToList(), RowsPerCommand))
        {
            foreach (var (merged, kept) in await c.QueryAsync<(string, string)>(new CommandDefinition(
                $"SELECT merged_record_id, kept_record_id FROM record_merges WHERE undone_at IS NULL AND merged_record_id IN {InList(chunk, out var p)}",
                p, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                into[Guid.ParseExact(merged, "D")] = Guid.ParseExact(kept, "D");
            }
        }
        return into;
    }

    private static async Task<IReadOnlyList<RecordMerge>> MergesAsync(DbConnection c, string where, object parameters, CancellationToken ct)
    {
        var rows = await c.QueryAsync<MergeRow>(new CommandDefinition(
            "SELECT merge_id AS MergeId, merged_record_id AS Merged, kept_record_id AS Kept, id_number AS IdNumber, note AS Note, merged_by AS MergedBy, merged_at AS MergedAt, " +
            "undone_by AS UndoneBy, undone_at AS UndoneAt, undo_note AS UndoNote FROM record_merges WHERE " + where + " ORDER BY merged_at, merge_id",
            parameters, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new RecordMerge(Guid.ParseExact(r.MergeId, "D"), Guid.ParseExact(r.Merged, "D"), Guid.ParseExact(r.Kept, "D"), r.IdNumber, r.Note,
            r.MergedBy, ParseIso(r.MergedAt), r.UndoneBy, r.UndoneAt is null ? null : ParseIso(r.UndoneAt), r.UndoNote))];
    }

    private static DynamicParameters Combine(DynamicParameters first, DynamicParameters second)
    {
        first.AddDynamicParams(second);
        return first;
    }

    private sealed class MergeRow
    {
        public string MergeId { get; set; } = "";
        public string Merged { get; set; } = "";
        public string Kept { get; set; } = "";
        public string IdNumber { get; set; } = "";
        public string Note { get; set; } = "";
        public string MergedBy { get; set; } = "";
        public string MergedAt { get; set; } = "";
        public string? UndoneBy { get; set; }
        public string? UndoneAt { get; set; }
        public string? UndoNote { get; set; }
    }
}
