using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// The correction lists at docking: the open items of the terminal's collection point read fresh, the parts sent kept
/// until answered, and the answers moving items to 已下发 (which terminal, when) and the whole list to the terminal's.
/// </summary>
public sealed partial class DistrictStore
{
    /// <inheritdoc/>
    public async Task<CorrectionListState> CorrectionListAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(terminalId);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var point = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT collection_point FROM terminals WHERE terminal_id = @terminalId", new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new ArgumentException($"terminal {terminalId} is not registered", nameof(terminalId));
        var rows = await c.QueryAsync<(string Item, string Record, long Version, string Kind, string Fields, string Note, byte[] Canonical)>(new CommandDefinition(
            """
            SELECT i.item_id, i.record_id, i.version, i.kind, i.fields, i.note, r.canonical
            FROM correction_items i JOIN records r ON r.record_id = i.record_id AND r.version = i.version
            WHERE i.collection_point = @point AND i.state IN (@pending, @sent) ORDER BY i.created_at, i.item_id
            """, new { point, pending = nameof(CorrectionState.Pending), sent = nameof(CorrectionState.Sent) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT digest FROM correction_lists WHERE terminal_id = @terminalId", new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new CorrectionListState(point, [.. rows.Select(r => new OpenCorrection(Guid.ParseExact(r.Item, "D"), Guid.ParseExact(r.Record, "D"), (int)r.Version,
            Enum.Parse<ReviewDecision>(r.Kind), r.Fields.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.Note, r.Canonical))], applied ?? "");
    }

    /// <inheritdoc/>
    public async Task CorrectionListSentAsync(string terminalId, IReadOnlyList<CorrectionPartSent> parts, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sendId = Guid.NewGuid().ToString("D");
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var part in parts)
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO correction_sends (push_id, send_id, terminal_id, part, parts, digest, item_ids, sent_at)
                VALUES (@push, @sendId, @terminalId, @part, @parts, @Digest, @items, @at) ON CONFLICT (push_id) DO NOTHING
                """, new { push = part.PushId.ToString("D"), sendId, terminalId, part = (long)part.Part, parts = (long)part.Parts, part.Digest,
                    items = string.Join('\n', part.ItemIds.Select(i => i.ToString("D"))), at = Iso(at) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> CorrectionListAnsweredAsync(string terminalId, Guid pushId, bool applied, string answer, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sent = await c.QuerySingleOrDefaultAsync<(string SendId, long Parts, string Digest, string Items, string Status)?>(new CommandDefinition(
            "SELECT send_id, parts, digest, item_ids, status FROM correction_sends WHERE push_id = @push AND terminal_id = @terminalId",
            new { push = pushId.ToString("D"), terminalId }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (sent is not { } part)
        {
            return false;
        }
        if (part.Status != "applied")
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE correction_sends SET status = @status, answer = @answer, answered_at = @at WHERE push_id = @push",
                new { status = applied ? "applied" : "refused", answer, at = Iso(at), push = pushId.ToString("D") }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        if (applied)
        {
            foreach (var item in part.Items.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var moved = await c.QuerySingleOrDefaultAsync<(string RecordId, long Version)?>(new CommandDefinition(
                    "SELECT record_id, version FROM correction_items WHERE item_id = @item AND state = @pending", new { item, pending = nameof(CorrectionState.Pending) },
                    tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (moved is { } m)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "UPDATE correction_items SET state = @sent, sent_terminal = @terminalId, sent_at = @at WHERE item_id = @item AND state = @pending",
                        new { sent = nameof(CorrectionState.Sent), terminalId, at = Iso(at), item, pending = nameof(CorrectionState.Pending) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await AuditInAsync(c, tx, at, DockAuditUser(terminalId), "补正：已下发", Guid.ParseExact(m.RecordId, "D"), $"第 {m.Version} 版，事项 {item}，终端 {terminalId} 已收到", cancellationToken).ConfigureAwait(false);
                }
            }
            var whole = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM correction_sends WHERE send_id = @SendId AND status = 'applied'", new { part.SendId }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (whole == part.Parts)
            {
                var items = (long)(await c.QueryAsync<string>(new CommandDefinition(
                    "SELECT item_ids FROM correction_sends WHERE send_id = @SendId", new { part.SendId }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false))
                    .Sum(ids => ids.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
                await c.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO correction_lists (terminal_id, digest, items, applied_at) VALUES (@terminalId, @Digest, @items, @at)
                    ON CONFLICT (terminal_id) DO UPDATE SET digest = excluded.digest, items = excluded.items, applied_at = excluded.applied_at
                    """, new { terminalId, part.Digest, items, at = Iso(at) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Who the office audit names for what a docking did: the terminal.</summary>
    private static string DockAuditUser(string terminalId) => "终端 " + terminalId;
}
