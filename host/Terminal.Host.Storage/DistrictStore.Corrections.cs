using System.Data.Common;
using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// The correction items (数据补缺): made with a reviewer's decision, listed and closed or withdrawn on the 补正 page.
/// Each change writes its office audit entry in the same transaction, so the audit never misses a step.
/// </summary>
public sealed partial class DistrictStore : ICorrectionStore
{
    private const string ItemColumns =
        """
        i.item_id AS ItemId, i.record_id AS RecordId, i.version AS Version, i.collection_point AS Point, i.kind AS Kind, i.fields AS Fields, i.note AS Note,
        i.reviewer AS Reviewer, i.created_at AS CreatedAt, i.state AS State, i.sent_terminal AS SentTerminal, i.sent_at AS SentAt,
        i.corrected_version AS CorrectedVersion, i.corrected_terminal AS CorrectedTerminal, i.corrected_at AS CorrectedAt,
        i.done_by AS DoneBy, i.done_at AS DoneAt, i.done_note AS DoneNote, r.name AS Name, r.street AS Street
        FROM correction_items i JOIN records r ON r.record_id = i.record_id AND r.version = i.version
        """;

    /// <summary>
    /// The item a problem or missing decision on (<paramref name="recordId"/>, <paramref name="version"/>) makes, inside
    /// the decision's transaction: of the record's collection point, 待发送, audited.
    /// </summary>
    private static async Task AddCorrectionItemAsync(DbConnection c, DbTransaction tx, Guid recordId, int version, ReviewDecision kind, string note,
        IReadOnlyList<string> fields, string userName, DateTimeOffset at, CancellationToken ct)
    {
        var itemId = Guid.NewGuid();
        var added = await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO correction_items (item_id, record_id, version, collection_point, kind, fields, note, reviewer, created_at, state)
            SELECT @item, r.record_id, r.version, r.collection_point, @kind, @fields, @note, @userName, @at, @state FROM records r WHERE r.record_id = @id AND r.version = @version
            ON CONFLICT (record_id, version) DO NOTHING
            """, new { item = itemId.ToString("D"), kind = kind.ToString(), fields = string.Join('\n', fields), note, userName, at = Iso(at), state = nameof(CorrectionState.Pending),
                id = recordId.ToString("D"), version = (long)version }, tx, cancellationToken: ct)).ConfigureAwait(false);
        if (added != 1)
        {
            return;
        }
        await AuditInAsync(c, tx, at, userName, "补正：新建", recordId, $"第 {version} 版，{(kind == ReviewDecision.Missing ? "缺失数据" : "问题数据")}，事项 {itemId:D}", ct).ConfigureAwait(false);
        // a decision on a version already followed by a later one (the queue shows the newest, a crafted form may not): answered already
        var later = await c.QueryFirstOrDefaultAsync<(long Version, string Terminal, string At)?>(new CommandDefinition(
            "SELECT version, terminal_id, received_at FROM records WHERE record_id = @id AND version > @version ORDER BY version LIMIT 1",
            new { id = recordId.ToString("D"), version = (long)version }, tx, cancellationToken: ct)).ConfigureAwait(false);
        if (later is { } l)
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE correction_items SET state = @state, corrected_version = @Version, corrected_terminal = @Terminal, corrected_at = @At WHERE item_id = @item",
                new { state = nameof(CorrectionState.Corrected), l.Version, l.Terminal, l.At, item = itemId.ToString("D") }, tx, cancellationToken: ct)).ConfigureAwait(false);
            await AuditInAsync(c, tx, at, userName, "补正：已补正", recordId, $"第 {version} 版的事项 {itemId:D}：已有第 {l.Version} 版（终端 {l.Terminal}）", ct).ConfigureAwait(false);
        }
    }

    /// <summary>An office audit entry about a record, written in the caller's transaction.</summary>
    private static Task<int> AuditInAsync(DbConnection c, DbTransaction tx, DateTimeOffset at, string userName, string action, Guid recordId, string detail, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO office_audit (at, user_name, action, subject, detail) VALUES (@at, @userName, @action, @subject, @detail)",
            new { at = Iso(at), userName, action, subject = "record:" + recordId.ToString("D"), detail }, tx, cancellationToken: ct));

    /// <inheritdoc/>
    public async Task<CorrectionPage> CorrectionsAsync(CorrectionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string Where = "(@point IS NULL OR i.collection_point = @point) AND (@street IS NULL OR r.street = @street)";
        var size = Math.Clamp(filter.PageSize, 1, 500);
        var page = Math.Max(filter.Page, 1);
        var args = new { point = filter.CollectionPoint, street = filter.Street, state = filter.State?.ToString(), limit = (long)size, offset = (long)(page - 1) * size };
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = (await c.QueryAsync<(string State, long Count)>(new CommandDefinition(
            $"SELECT i.state, COUNT(*) FROM correction_items i JOIN records r ON r.record_id = i.record_id AND r.version = i.version WHERE {Where} GROUP BY i.state",
            args, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(x => Enum.Parse<CorrectionState>(x.State), x => (int)x.Count);
        var rows = await c.QueryAsync<CorrectionRow>(new CommandDefinition(
            $"SELECT {ItemColumns} WHERE {Where} AND (@state IS NULL OR i.state = @state) ORDER BY i.created_at DESC, i.item_id LIMIT @limit OFFSET @offset",
            args, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var all = Enum.GetValues<CorrectionState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        return new CorrectionPage([.. rows.Select(r => r.ToEntry())], filter.State is { } s ? all[s] : all.Values.Sum(), all);
    }

    /// <inheritdoc/>
    public async Task<CorrectionEntry?> CorrectionAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<CorrectionRow>(new CommandDefinition(
            $"SELECT {ItemColumns} WHERE i.item_id = @id", new { id = itemId.ToString("D") }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToEntry();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CorrectionEntry>> CorrectionsOfRecordAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<CorrectionRow>(new CommandDefinition(
            $"SELECT {ItemColumns} WHERE i.record_id = @id ORDER BY i.version, i.created_at", new { id = recordId.ToString("D") }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <inheritdoc/>
    public Task<bool> CloseCorrectionAsync(Guid itemId, string note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        FinishCorrectionAsync(itemId, note, userName, at, CorrectionState.Closed, [CorrectionState.Corrected], "补正：关闭", cancellationToken);

    /// <inheritdoc/>
    public Task<bool> WithdrawCorrectionAsync(Guid itemId, string note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        FinishCorrectionAsync(itemId, note, userName, at, CorrectionState.Withdrawn, [CorrectionState.Pending, CorrectionState.Sent], "补正：撤销", cancellationToken);

    private async Task<bool> FinishCorrectionAsync(Guid itemId, string note, string userName, DateTimeOffset at, CorrectionState to, CorrectionState[] from, string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"a note of at most {MaxNoteLength} characters", nameof(note));
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var item = await c.QuerySingleOrDefaultAsync<(string RecordId, long Version)?>(new CommandDefinition(
            "SELECT record_id, version FROM correction_items WHERE item_id = @id", new { id = itemId.ToString("D") }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var changed = item is not null && await c.ExecuteAsync(new CommandDefinition(
            "UPDATE correction_items SET state = @to, done_by = @userName, done_at = @at, done_note = @note WHERE item_id = @id AND state IN (@a, @b)",
            new { to = to.ToString(), userName, at = Iso(at), note, id = itemId.ToString("D"), a = from[0].ToString(), b = from[^1].ToString() }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
        if (changed)
        {
            await AuditInAsync(c, tx, at, userName, action, Guid.ParseExact(item!.Value.RecordId, "D"),
                $"第 {item.Value.Version} 版，事项 {itemId:D}" + (note.Length > 0 ? $"，说明：{note}" : ""), cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordVersionCopy>> VersionCopiesAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(long Version, string Terminal, long Sequence, string Content, byte[] Canonical, string At)>(new CommandDefinition(
            "SELECT version, terminal_id, sequence, content_sha256, canonical, received_at FROM record_version_copies WHERE record_id = @id ORDER BY version, received_at",
            new { id = recordId.ToString("D") }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new RecordVersionCopy(recordId, (int)r.Version, r.Terminal, r.Sequence, r.Content, r.Canonical, ParseIso(r.At)))];
    }

    /// <inheritdoc/>
    public async Task<CorrectionFigures> CorrectionFiguresAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = (await c.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM correction_items GROUP BY state", cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(x => Enum.Parse<CorrectionState>(x.State), x => x.Count);
        return new CorrectionFigures(counts.GetValueOrDefault(CorrectionState.Pending) + counts.GetValueOrDefault(CorrectionState.Sent) + counts.GetValueOrDefault(CorrectionState.Corrected),
            counts.GetValueOrDefault(CorrectionState.Closed), counts.GetValueOrDefault(CorrectionState.Withdrawn));
    }

    private sealed class CorrectionRow
    {
        public string ItemId { get; set; } = "";
        public string RecordId { get; set; } = "";
        public long Version { get; set; }
        public string Point { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Fields { get; set; } = "";
        public string Note { get; set; } = "";
        public string Reviewer { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string State { get; set; } = "";
        public string? SentTerminal { get; set; }
        public string? SentAt { get; set; }
        public long? CorrectedVersion { get; set; }
        public string? CorrectedTerminal { get; set; }
        public string? CorrectedAt { get; set; }
        public string? DoneBy { get; set; }
        public string? DoneAt { get; set; }
        public string? DoneNote { get; set; }
        public string? Name { get; set; }
        public string? Street { get; set; }

        public CorrectionEntry ToEntry() => new(Guid.ParseExact(ItemId, "D"), Guid.ParseExact(RecordId, "D"), (int)Version, Point, Enum.Parse<ReviewDecision>(Kind),
            Fields.Split('\n', StringSplitOptions.RemoveEmptyEntries), Note, Reviewer, ParseIso(CreatedAt), Enum.Parse<CorrectionState>(State))
        {
            Name = Name,
            Street = Street,
            SentTerminal = SentTerminal,
            SentAt = SentAt is null ? null : ParseIso(SentAt),
            CorrectedVersion = (int?)CorrectedVersion,
            CorrectedTerminal = CorrectedTerminal,
            CorrectedAt = CorrectedAt is null ? null : ParseIso(CorrectedAt),
            DoneBy = DoneBy,
            DoneAt = DoneAt is null ? null : ParseIso(DoneAt),
            DoneNote = DoneNote,
        };
    }
}
