using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore
{
    /// <inheritdoc/>
    public async Task<int> ImportRosterAsync(IReadOnlyList<RosterEntry> entries, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM roster_entries", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO roster_entries (id_number, name, street, collection_point, imported_at) VALUES (@IdNumber, @Name, @Street, @CollectionPointCode, @at)",
            entries.Select(e => new { e.IdNumber, e.Name, e.Street, e.CollectionPointCode, at = Iso(at) }), tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE collection_points SET expected_count = (SELECT COUNT(*) FROM roster_entries r WHERE r.collection_point = collection_points.code)",
            transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entries.Count;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StreetProgressRow>> StreetProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Street, string Point, long Expected, long Collected)>(new CommandDefinition(
            """
            SELECT e.street, MIN(e.collection_point) AS collection_point, COUNT(*) AS expected,
                   SUM(CASE WHEN EXISTS (SELECT 1 FROM records r WHERE r.id_number = e.id_number) THEN 1 ELSE 0 END) AS collected
            FROM roster_entries e GROUP BY e.street
            ORDER BY collection_point, e.street
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new StreetProgressRow(r.Street, r.Point, r.Expected, r.Collected))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RosterEntry>> NotYetSeenAsync(string? collectionPointCode, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, string Name, string Street, string Point)>(new CommandDefinition(
            """
            SELECT e.id_number, e.name, e.street, e.collection_point FROM roster_entries e
            WHERE (@point IS NULL OR e.collection_point = @point) AND NOT EXISTS (SELECT 1 FROM records r WHERE r.id_number = e.id_number)
            ORDER BY e.collection_point, e.street, e.id_number LIMIT @limit
            """, new { point = collectionPointCode, limit = (long)Math.Clamp(limit, 1, 100_000) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new RosterEntry(r.Id, r.Name, r.Street, r.Point))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TerminalProgressRow>> TerminalProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, string Point, string? Docked, long Records, long Versions, long Highest)>(new CommandDefinition(
            """
            SELECT t.terminal_id, t.collection_point, t.last_docked_at,
                   (SELECT COUNT(DISTINCT r.record_id) FROM records r WHERE r.terminal_id = t.terminal_id),
                   (SELECT COUNT(*) FROM records r WHERE r.terminal_id = t.terminal_id),
                   (SELECT COALESCE(MAX(r.sequence), 0) FROM records r WHERE r.terminal_id = t.terminal_id)
            FROM terminals t ORDER BY t.terminal_id
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new TerminalProgressRow(r.Id, r.Point, r.Docked is null ? null : ParseIso(r.Docked), r.Records, r.Versions, r.Highest, r.Highest - r.Versions))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordVersionRow>> RecordVersionsAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Version, string Terminal, long Sequence, string Received, string Content, string Flags)>(new CommandDefinition(
            "SELECT version, terminal_id, sequence, received_at, content_sha256, flags FROM records WHERE record_id = @id ORDER BY version",
            new { id = recordId.ToString("D") }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new RecordVersionRow((int)r.Version, r.Terminal, r.Sequence, ParseIso(r.Received), r.Content,
            r.Flags.Split('\n', StringSplitOptions.RemoveEmptyEntries)))];
    }

    /// <inheritdoc/>
    public async Task<StoredSignature?> SignatureAsync(Guid recordId, int version, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<(string Content, byte[] Strokes, string Image, string At)?>(new CommandDefinition(
            "SELECT content_sha256, strokes, image_sha256, signed_at FROM signatures WHERE record_id = @id AND version = @version",
            new { id = recordId.ToString("D"), version = (long)version }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new StoredSignature(r.Content, r.Strokes, r.Image, ParseIso(r.At)) : null;
    }
}
