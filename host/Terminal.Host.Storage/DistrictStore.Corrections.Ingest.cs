using System.Data.Common;
using Dapper;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Host.Storage;

/// <summary>
/// What the ingest of a corrected version (N+1) does besides storing it, inside the docking's transaction: the photos
/// it keeps from an earlier version are found at the district by hash, a second copy of a version is kept beside the
/// first and flagged, and the correction items of earlier versions move to 已补正.
/// </summary>
public sealed partial class DistrictStore
{
    /// <summary>
    /// Every photo the records name must be in the batch, or held by the district for an earlier version of the same
    /// record (version N+1 carries only its new photos); otherwise the batch is refused, as a missing photo always was.
    /// </summary>
    private static async Task EnsurePhotosHeldAsync(DbConnection c, DbTransaction tx, IngestBatch batch, IReadOnlyList<PreparedRecord> records, CancellationToken ct)
    {
        var inBatch = batch.Photos.Select(p => p.Sha256).ToHashSet(StringComparer.Ordinal);
        var wanting = records.Where(r => r.Item.Record.Photos.Any(p => !inBatch.Contains(p.Sha256))).ToList();
        if (wanting.Count == 0)
        {
            return;
        }
        var held = new HashSet<(string RecordId, long Version, string Sha256)>();
        foreach (var chunk in Chunks([.. wanting.Select(r => r.Item.Record.RecordId.ToString("D")).Distinct(StringComparer.Ordinal)], RowsPerCommand))
        {
            held.UnionWith(await c.QueryAsync<(string, long, string)>(new CommandDefinition(
                $"SELECT rp.record_id, rp.version, rp.sha256 FROM record_photos rp JOIN photos p ON p.sha256 = rp.sha256 WHERE rp.record_id IN {InList(chunk, out var p)}",
                p, tx, cancellationToken: ct)).ConfigureAwait(false));
        }
        foreach (var record in records.Select(r => r.Item.Record))
        {
            held.UnionWith(record.Photos.Where(p => inBatch.Contains(p.Sha256)).Select(p => (record.RecordId.ToString("D"), (long)record.Version, p.Sha256)));
        }
        foreach (var record in wanting.Select(r => r.Item.Record))
        {
            var id = record.RecordId.ToString("D");
            foreach (var photo in record.Photos.Where(p => !inBatch.Contains(p.Sha256)))
            {
                if (!held.Any(h => h.RecordId == id && h.Version < record.Version && h.Sha256 == photo.Sha256))
                {
                    throw new IngestConflictException(
                        $"记录 {id} 第{record.Version}版所用的照片（{photo.Sha256[..12]}…）不在数据包中，本区也没有这条记录早先版本的这张照片：本次对接的数据均未入库，请在终端上重新拍摄这张照片后再定稿");
                }
            }
        }
    }

    /// <summary>
    /// Second copies of versions already held (another terminal's, or another sequence's): kept whole beside the first,
    /// never over it, and the first flagged <see cref="IngestFlagCodes.VersionConflict"/> so a reviewer decides which stands.
    /// </summary>
    private static async Task InsertCopiesAsync(DbConnection c, DbTransaction tx, IngestBatch batch, IReadOnlyList<PreparedRecord> copies, CancellationToken ct)
    {
        foreach (var (item, content, canonical, _) in copies)
        {
            var id = item.Record.RecordId.ToString("D");
            var version = (long)item.Record.Version;
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO record_version_copies (terminal_id, sequence, record_id, version, content_sha256, canonical, strokes, received_at)
                VALUES (@terminal, @sequence, @id, @version, @content, @canonical, @strokes, @at)
                """, new { terminal = batch.TerminalId, sequence = item.Sequence, id, version, content, canonical, strokes = item.SignatureStrokes, at = Iso(batch.ReceivedAt) },
                tx, cancellationToken: ct)).ConfigureAwait(false);
            var first = await c.QuerySingleAsync<(string Terminal, long Sequence, string Content)>(new CommandDefinition(
                "SELECT terminal_id, sequence, content_sha256 FROM records WHERE record_id = @id AND version = @version", new { id, version }, tx, cancellationToken: ct)).ConfigureAwait(false);
            var message = $"收到两份第{version}版：先收到终端 {first.Terminal}（序号 {first.Sequence}）的，又收到终端 {batch.TerminalId}（序号 {item.Sequence}）的，内容"
                + (first.Content == content ? "相同" : "不同") + "。两份都已保存，请核实哪一份正确，再标记问题数据让采集点改正";
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO record_flags (record_id, version, position, code, severity, field_id, message, related_record_id, flagged_at)
                SELECT @id, @version, COALESCE(MAX(position), -1) + 1, @code, @severity, NULL, @message, NULL, @at FROM record_flags WHERE record_id = @id AND version = @version
                """, new { id, version, code = IngestFlagCodes.VersionConflict, severity = nameof(IssueSeverity.Error), message, at = Iso(batch.ReceivedAt) },
                tx, cancellationToken: ct)).ConfigureAwait(false);
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE records SET flags = CASE WHEN flags = '' THEN @code ELSE flags || @newline || @code END WHERE record_id = @id AND version = @version AND flags NOT LIKE @like",
                new { code = IngestFlagCodes.VersionConflict, newline = "\n", id, version, like = "%" + IngestFlagCodes.VersionConflict + "%" }, tx, cancellationToken: ct)).ConfigureAwait(false);
            await AuditInAsync(c, tx, batch.ReceivedAt, DockAuditUser(batch.TerminalId), "收到同版另一份记录", item.Record.RecordId,
                $"第 {version} 版，终端 {batch.TerminalId} 序号 {item.Sequence}，已另存待核实", ct).ConfigureAwait(false);
        }
    }

    /// <summary>The open items (待发送, 已下发) of earlier versions of the records written move to 已补正: the first later version, its terminal.</summary>
    private static async Task MarkCorrectedAsync(DbConnection c, DbTransaction tx, IngestBatch batch, IReadOnlyList<Record> written, CancellationToken ct)
    {
        var open = new List<(string Item, string RecordId, long Version)>();
        foreach (var chunk in Chunks([.. written.Select(r => r.RecordId.ToString("D")).Distinct(StringComparer.Ordinal)], RowsPerCommand))
        {
            open.AddRange(await c.QueryAsync<(string, string, long)>(new CommandDefinition(
                $"SELECT item_id, record_id, version FROM correction_items WHERE state IN ('Pending', 'Sent') AND record_id IN {InList(chunk, out var p)}",
                p, tx, cancellationToken: ct)).ConfigureAwait(false));
        }
        foreach (var (item, recordId, version) in open)
        {
            if (written.Where(r => r.RecordId.ToString("D") == recordId && r.Version > version).Select(r => (int?)r.Version).Min() is not { } corrected)
            {
                continue;
            }
            await c.ExecuteAsync(new CommandDefinition(
                """
                UPDATE correction_items SET state = @state, corrected_version = @corrected, corrected_terminal = @terminal, corrected_at = @at
                WHERE item_id = @item AND state IN ('Pending', 'Sent')
                """, new { state = nameof(CorrectionState.Corrected), corrected = (long)corrected, terminal = batch.TerminalId, at = Iso(batch.ReceivedAt), item },
                tx, cancellationToken: ct)).ConfigureAwait(false);
            await AuditInAsync(c, tx, batch.ReceivedAt, DockAuditUser(batch.TerminalId), "补正：已补正", Guid.ParseExact(recordId, "D"),
                $"第 {version} 版的事项 {item}：收到第 {corrected} 版（终端 {batch.TerminalId}）", ct).ConfigureAwait(false);
        }
    }
}
