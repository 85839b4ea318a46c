using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore : ICrossCheckStore
{
    /// <inheritdoc/>
    public async Task<string?> ColumnMappingAsync(string department, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT mapping FROM cross_check_mappings WHERE department = @department", new { department }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task SaveRunAsync(CrossCheckRun run, string mappingJson, IReadOnlyList<NewReviewItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(items);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var at = Iso(run.ImportedAt);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cross_check_mappings (department, mapping, saved_by, saved_at) VALUES (@Department, @mappingJson, @ImportedBy, @at)
            ON CONFLICT (department) DO UPDATE SET mapping = excluded.mapping, saved_by = excluded.saved_by, saved_at = excluded.saved_at
            """, new { run.Department, mappingJson, run.ImportedBy, at }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var runId = run.RunId.ToString("D");
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cross_check_runs (run_id, department, file_name, file_sha256, list_rows, subjects, imported_by, imported_at)
            VALUES (@runId, @Department, @FileName, @FileSha256, @ListRows, @Subjects, @ImportedBy, @at)
            """, new { runId, run.Department, run.FileName, run.FileSha256, run.ListRows, run.Subjects, run.ImportedBy, at }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cross_check_items (run_id, position, kind, record_id, list_row, description, state)
            VALUES (@runId, @position, @Kind, @recordId, @listRow, @Description, 'Open')
            """, items.Select((item, i) => new { runId, position = (long)i, item.Kind, recordId = item.RecordId?.ToString("D"), listRow = (long?)item.ListRow, item.Description }),
            tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CrossCheckRun>> RunsAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, string Department, string File, string Sha, long Rows, long Subjects, string By, string At)>(new CommandDefinition(
            "SELECT run_id, department, file_name, file_sha256, list_rows, subjects, imported_by, imported_at FROM cross_check_runs ORDER BY imported_at DESC, run_id LIMIT @limit",
            new { limit = (long)Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new CrossCheckRun(Guid.ParseExact(r.Id, "D"), r.Department, r.File, r.Sha, r.Rows, r.Subjects, r.By, ParseIso(r.At)))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredReviewItem>> ReviewItemsAsync(ReviewState? state, Guid? runId, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<ItemRow>(new CommandDefinition(
            """
            SELECT i.run_id AS RunId, i.position AS Position, r.department AS Department, r.file_name AS FileName, i.kind AS Kind, i.record_id AS RecordId,
                   i.list_row AS ListRow, i.description AS Description, i.state AS State, i.note AS Note, i.worked_by AS WorkedBy, i.worked_at AS WorkedAt
            FROM cross_check_items i JOIN cross_check_runs r ON r.run_id = i.run_id
            WHERE (@state IS NULL OR i.state = @state) AND (@run IS NULL OR i.run_id = @run)
            ORDER BY r.imported_at DESC, i.run_id, i.position LIMIT @limit
            """, new { state = state?.ToString(), run = runId?.ToString("D"), limit = (long)Math.Clamp(limit, 1, 100_000) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredReviewItem(Guid.ParseExact(r.RunId, "D"), (int)r.Position, r.Department, r.FileName, r.Kind,
            r.RecordId is null ? null : Guid.ParseExact(r.RecordId, "D"), (int?)r.ListRow, r.Description, Enum.Parse<ReviewState>(r.State), r.Note, r.WorkedBy,
            r.WorkedAt is null ? null : ParseIso(r.WorkedAt)))];
    }

    /// <inheritdoc/>
    public async Task<bool> WorkReviewItemAsync(Guid runId, int position, ReviewState state, string? note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE cross_check_items SET state = @state, note = @note, worked_by = @userName, worked_at = @at WHERE run_id = @run AND position = @position",
            new { state = state.ToString(), note, userName, at = Iso(at), run = runId.ToString("D"), position = (long)position }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<long> OpenReviewItemsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM cross_check_items WHERE state = 'Open'", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class ItemRow
    {
        public string RunId { get; set; } = "";
        public long Position { get; set; }
        public string Department { get; set; } = "";
        public string FileName { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? RecordId { get; set; }
        public long? ListRow { get; set; }
        public string Description { get; set; } = "";
        public string State { get; set; } = "";
        public string? Note { get; set; }
        public string? WorkedBy { get; set; }
        public string? WorkedAt { get; set; }
    }
}
