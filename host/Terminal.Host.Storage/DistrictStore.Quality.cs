using Dapper;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore : IQualityStore
{
    /// <summary>The longest reviewer's note kept.</summary>
    public const int MaxNoteLength = 500;

    /// <inheritdoc/>
    public async Task<QualityQueuePage> QualityQueueAsync(QualityFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, long Version, string? Name, string? IdNumber, string Point, string? Street, string Terminal, string Code)>(new CommandDefinition(
            $"""
            SELECT r.record_id, r.version, r.name, r.id_number, r.collection_point, r.street, r.terminal_id, f.code
            FROM records r JOIN record_flags f ON f.record_id = r.record_id AND f.version = r.version AND f.resolved_by IS NULL AND NOT {SettledByMerge("f")}
            WHERE {NotMergedAway("r")} AND r.version = (SELECT MAX(n.version) FROM records n WHERE n.record_id = r.record_id)
              AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.record_id = r.record_id AND d.version = r.version)
              AND (@point IS NULL OR r.collection_point = @point) AND (@street IS NULL OR r.street = @street) AND (@terminal IS NULL OR r.terminal_id = @terminal)
            ORDER BY r.collection_point, r.received_at, r.record_id, f.position
            """, new { point = filter.CollectionPoint, street = filter.Street, terminal = filter.TerminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var all = rows.GroupBy(r => (r.Id, r.Version)).Select(g =>
        {
            var f = g.First();
            var codes = g.Select(x => x.Code).Distinct(StringComparer.Ordinal).ToList();
            return new QualityRow(Guid.ParseExact(f.Id, "D"), (int)f.Version, f.Name, f.IdNumber, f.Point, f.Street, f.Terminal, codes,
                [.. codes.Select(QualityCategories.Of).Distinct().Order()]);
        }).ToList();
        var counts = Enum.GetValues<QualityCategory>().ToDictionary(k => k, k => all.Count(r => r.Categories.Contains(k)));
        var matching = filter.Category is { } category ? all.Where(r => r.Categories.Contains(category)).ToList() : all;
        var size = Math.Clamp(filter.PageSize, 1, 500);
        var page = Math.Max(filter.Page, 1);
        return new QualityQueuePage([.. matching.Skip((page - 1) * size).Take(size)], matching.Count, counts);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<(Guid RecordId, int Version)>> DecideAsync(IReadOnlyList<(Guid RecordId, int Version)> items, ReviewDecision decision, string note,
        IReadOnlyList<string> fields, string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(fields);
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"a note of at most {MaxNoteLength} characters", nameof(note));
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var decided = new List<(Guid, int)>();
        foreach (var (recordId, version) in items.Distinct())
        {
            var written = await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO review_decisions (record_id, version, decision, note, fields, decided_by, decided_at)
                SELECT r.record_id, r.version, @decision, @note, @fields, @userName, @at FROM records r WHERE r.record_id = @id AND r.version = @version
                ON CONFLICT (record_id, version) DO NOTHING
                """, new { id = recordId.ToString("D"), version = (long)version, decision = decision.ToString(), note, fields = string.Join('\n', fields), userName, at = Iso(at) },
                tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (written == 1)
            {
                decided.Add((recordId, version));
                if (decision != ReviewDecision.Accepted)
                {
                    await AddCorrectionItemAsync(c, tx, recordId, version, decision, note, fields, userName, at, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decided;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ReviewEntry>> DecisionsAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Version, string Decision, string Note, string Fields, string By, string At)>(new CommandDefinition(
            "SELECT version, decision, note, fields, decided_by, decided_at FROM review_decisions WHERE record_id = @id ORDER BY version",
            new { id = recordId.ToString("D") }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ReviewEntry(recordId, (int)r.Version, Enum.Parse<ReviewDecision>(r.Decision), r.Note,
            r.Fields.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.By, ParseIso(r.At)))];
    }
}
