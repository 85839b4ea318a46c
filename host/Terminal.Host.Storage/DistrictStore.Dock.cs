using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore : IDistrictDockStore
{
    /// <inheritdoc/>
    public async Task<AuditEntry?> LastAuditEntryAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<(long Sequence, string Action, string At, string Entry, string Previous, byte[] Body)?>(new CommandDefinition(
            "SELECT sequence, action, at, entry_sha256, previous_sha256, body FROM audit_entries WHERE terminal_id = @terminalId ORDER BY sequence DESC LIMIT 1",
            new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new AuditEntry(r.Sequence, r.Action, ParseIso(r.At), r.Entry, r.Previous, r.Body) : null;
    }

    /// <inheritdoc/>
    public async Task<bool> PackageHeldAsync(string terminalId, long sequence, Guid recordId, int version, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT (SELECT COUNT(*) FROM records WHERE terminal_id = @terminalId AND sequence = @sequence AND record_id = @id AND version = @version)
                 + (SELECT COUNT(*) FROM record_version_copies WHERE terminal_id = @terminalId AND sequence = @sequence AND record_id = @id AND version = @version)
            """, new { terminalId, sequence, id = recordId.ToString("D"), version = (long)version }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async Task QuarantineAsync(QuarantinedPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dock_quarantine (terminal_id, sequence, sha256, package_id, reason, quarantined_at, bytes)
            VALUES (@TerminalId, @Sequence, @Sha256, @PackageId, @Reason, @at, @Bytes)
            ON CONFLICT (terminal_id, sequence, sha256) DO UPDATE SET reason = excluded.reason, quarantined_at = excluded.quarantined_at,
              released_at = NULL, released_by = NULL
            WHERE dock_quarantine.released_at IS NOT NULL
            """,
            new { package.TerminalId, package.Sequence, package.Sha256, package.PackageId, package.Reason, at = Iso(package.QuarantinedAt), package.Bytes },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<QuarantinedPackage>> QuarantinedAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Sequence, string Sha256, string PackageId, string Reason, string At, byte[] Bytes)>(new CommandDefinition(
            "SELECT sequence, sha256, package_id, reason, quarantined_at, bytes FROM dock_quarantine WHERE terminal_id = @terminalId AND released_at IS NULL ORDER BY sequence, quarantined_at",
            new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new QuarantinedPackage(terminalId, r.Sequence, r.Sha256, r.PackageId, r.Reason, ParseIso(r.At), r.Bytes))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, int>> QuarantineCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Terminal, long Count)>(new CommandDefinition(
            "SELECT terminal_id, COUNT(*) FROM dock_quarantine WHERE released_at IS NULL GROUP BY terminal_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Terminal, r => (int)r.Count, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<bool> ReleaseQuarantinedAsync(string terminalId, long sequence, string sha256, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(releasedBy);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE dock_quarantine SET released_at = @at, released_by = @releasedBy
            WHERE terminal_id = @terminalId AND sequence = @sequence AND sha256 = @sha256 AND released_at IS NULL
            """,
            new { terminalId, sequence, sha256, releasedBy, at = Iso(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task QueuePushAsync(QueuedPush push, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(push);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dock_pushes (push_id, terminal_id, position, kind, body, queued_at)
            SELECT @id, @TerminalId, COALESCE(MAX(position), 0) + 1, @Kind, @Body, @at FROM dock_pushes WHERE true
            ON CONFLICT (push_id) DO NOTHING
            """,
            new { id = push.PushId.ToString("D"), push.TerminalId, Kind = (long)push.Kind, push.Body, at = Iso(push.QueuedAt) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<QueuedPush>> PendingPushesAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, long Kind, byte[] Body, string At, string Status, string Answer)>(new CommandDefinition(
            "SELECT push_id, kind, body, queued_at, status, answer FROM dock_pushes WHERE terminal_id = @terminalId AND status <> 'applied' ORDER BY position",
            new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new QueuedPush(Guid.ParseExact(r.Id, "D"), terminalId, (int)r.Kind, r.Body, ParseIso(r.At)) { Status = r.Status, Answer = r.Answer })];
    }

    /// <inheritdoc/>
    public async Task PushAnsweredAsync(string terminalId, Guid pushId, bool applied, string answer, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE dock_pushes SET status = @status, answer = @answer, answered_at = @at WHERE push_id = @id AND terminal_id = @terminalId AND status <> 'applied'",
            new { status = applied ? "applied" : "refused", answer, at = Iso(at), id = pushId.ToString("D"), terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
