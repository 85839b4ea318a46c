using System.Data.Common;
using Dapper;
using Terminal.Host.Storage.Model;
using Terminal.Records.Serialization;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore
{
    /// <inheritdoc/>
    public async Task<IngestResult> CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var photo in batch.Photos)
        {
            if (Sha256Hex(photo.Bytes) != photo.Sha256)
            {
                throw new IngestConflictException($"照片数据与其摘要不符（{photo.Sha256[..12]}…）：照片在传输中损坏，请重新对接");
            }
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var known = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM terminals WHERE terminal_id = @TerminalId", new { batch.TerminalId }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (known == 0)
            {
                throw new IngestConflictException($"终端 {batch.TerminalId} 未在本区登记：不接收其数据");
            }
            var (photosAdded, photosPresent) = await InsertPhotosAsync(c, tx, batch.Photos, cancellationToken).ConfigureAwait(false);
            var (added, present) = (0, 0);
            var photoBytes = batch.Photos.GroupBy(p => p.Sha256).ToDictionary(g => g.Key, g => g.First().Bytes, StringComparer.Ordinal);
            foreach (var item in batch.Records)
            {
                if (await InsertRecordAsync(c, tx, batch, item, photoBytes, cancellationToken).ConfigureAwait(false))
                {
                    added++;
                }
                else
                {
                    present++;
                }
            }
            var audit = await InsertAuditAsync(c, tx, batch, cancellationToken).ConfigureAwait(false);
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE terminals SET last_docked_at = @at WHERE terminal_id = @TerminalId", new { at = Iso(batch.ReceivedAt), batch.TerminalId }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new IngestResult(added, present, photosAdded, photosPresent, audit);
        }
        catch (DbException e)
        {
            throw new IngestConflictException($"数据与库中已有内容冲突，本次对接的数据均未入库：{e.Message}", e);
        }
    }

    private static async Task<(int Added, int Present)> InsertPhotosAsync(DbConnection c, DbTransaction tx, IReadOnlyList<PhotoBlob> photos, CancellationToken ct)
    {
        var added = 0;
        foreach (var photo in photos)
        {
            added += await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO photos (sha256, media_type, length, bytes) VALUES (@Sha256, @MediaType, @length, @Bytes) ON CONFLICT (sha256) DO NOTHING",
                new { photo.Sha256, photo.MediaType, length = (long)photo.Bytes.Length, photo.Bytes }, tx, cancellationToken: ct)).ConfigureAwait(false);
        }
        return (added, photos.Count - added);
    }

    /// <summary>
    /// Inserts one record version with its photo links, signature and flags; false when the identical version is
    /// already stored. Three round trips whatever the record holds: what is stored under its id or its sequence, the
    /// duplicates, then one command of every insert (the district database may be across the office network).
    /// </summary>
    private static async Task<bool> InsertRecordAsync(DbConnection c, DbTransaction tx, IngestBatch batch, IngestedRecord item, IReadOnlyDictionary<string, byte[]> photos, CancellationToken ct)
    {
        var r = item.Record;
        var id = r.RecordId.ToString("D");
        var content = RecordSerializer.ContentHash(r);
        var clashes = await c.QueryAsync<(string RecordId, long Version, string Content, long Sequence, string Terminal)>(new CommandDefinition(
            """
            SELECT record_id, version, content_sha256, sequence, terminal_id FROM records
            WHERE (record_id = @id AND version = @version) OR (terminal_id = @TerminalId AND sequence = @Sequence)
            """,
            new { id, version = (long)r.Version, batch.TerminalId, item.Sequence }, tx, cancellationToken: ct)).ConfigureAwait(false);
        foreach (var s in clashes)
        {
            if (s.RecordId != id || s.Version != r.Version)
            {
                throw new IngestConflictException($"终端 {batch.TerminalId} 的序号 {item.Sequence} 已用于另一条记录：本次对接的数据均未入库，请联系技术人员");
            }
            return s.Content == content && s.Sequence == item.Sequence && s.Terminal == batch.TerminalId
                ? false
                : throw new IngestConflictException($"记录 {id} 第{r.Version}版已入库，但这次收到的内容不同：本次对接的数据均未入库，请联系技术人员");
        }
        var flags = await FlagsOfAsync(c, tx, batch, item, photos, ct).ConfigureAwait(false);
        var sql = new System.Text.StringBuilder(
            """
            INSERT INTO records (record_id, version, terminal_id, sequence, form_version, id_number, name, categories, collection_point, street, collected_on, content_sha256, canonical, flags, received_at)
            VALUES (@id, @version, @TerminalId, @sequence, @FormVersion, @idNumber, @name, @categories, @CollectionPointCode, @street, @collectedOn, @content, @canonical, @flags, @receivedAt);
            """);
        var parameters = new DynamicParameters(new
        {
            id, version = (long)r.Version, batch.TerminalId, sequence = item.Sequence, r.FormVersion,
            idNumber = r.Text("identity.idNumber"), name = r.Text("identity.name"), categories = (long)r.Categories.Mask, r.CollectionPointCode, street = r.Text("personal.street"),
            collectedOn = r.CollectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), content,
            canonical = RecordSerializer.Serialize(r), flags = string.Join('\n', flags.Select(f => f.Code).Distinct(StringComparer.Ordinal)), receivedAt = Iso(batch.ReceivedAt),
        });
        for (var position = 0; position < r.Photos.Length; position++)
        {
            var photo = r.Photos[position];
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO record_photos (record_id, version, position, kind, sha256) VALUES (@id, @version, @pp{position}, @pk{position}, @ps{position});\n");
            parameters.Add($"pp{position}", (long)position);
            parameters.Add($"pk{position}", photo.Kind.ToString());
            parameters.Add($"ps{position}", photo.Sha256);
        }
        if (r.Signature is { } signature)
        {
            sql.Append("INSERT INTO signatures (record_id, version, content_sha256, strokes, image_sha256, signed_at) VALUES (@id, @version, @sc, @strokes, @si, @sa);\n");
            parameters.AddDynamicParams(new { sc = signature.ContentSha256, strokes = item.SignatureStrokes, si = signature.ImageSha256, sa = Iso(signature.SignedAt) });
        }
        AppendFlags(sql, parameters, flags, batch.ReceivedAt);
        await c.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, tx, cancellationToken: ct)).ConfigureAwait(false);
        return true;
    }

    private static async Task<int> InsertAuditAsync(DbConnection c, DbTransaction tx, IngestBatch batch, CancellationToken ct)
    {
        var added = 0;
        foreach (var entry in batch.Audit)
        {
            var inserted = await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO audit_entries (terminal_id, sequence, action, at, entry_sha256, previous_sha256, body)
                VALUES (@TerminalId, @Sequence, @Action, @at, @EntrySha256, @PreviousSha256, @Body) ON CONFLICT (terminal_id, sequence) DO NOTHING
                """,
                new { batch.TerminalId, entry.Sequence, entry.Action, at = Iso(entry.At), entry.EntrySha256, entry.PreviousSha256, entry.Body }, tx, cancellationToken: ct)).ConfigureAwait(false);
            if (inserted == 0)
            {
                var stored = await c.ExecuteScalarAsync<string>(new CommandDefinition(
                    "SELECT entry_sha256 FROM audit_entries WHERE terminal_id = @TerminalId AND sequence = @Sequence", new { batch.TerminalId, entry.Sequence }, tx, cancellationToken: ct)).ConfigureAwait(false);
                if (stored != entry.EntrySha256)
                {
                    throw new IngestConflictException($"终端 {batch.TerminalId} 的审计记录第{entry.Sequence}条与已入库的不同：审计链可能被篡改，本次对接的数据均未入库");
                }
            }
            added += inserted;
        }
        return added;
    }
}
