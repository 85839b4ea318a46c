using System.Data.Common;
using Dapper;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Validation;

namespace Terminal.Host.Storage;

/// <summary>The office's list of flagged ID cards (flagged_cards, migration 0071) and the CardFlagged flags it puts on records.</summary>
public sealed partial class DistrictStore : IFlaggedCardStore
{
    /// <summary>The longest reason kept for a flagged card.</summary>
    public const int MaxCardReasonLength = 200;

    /// <inheritdoc/>
    public async Task<int> FlagCardAsync(string idNumber, string reason, string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (reason.Length > MaxCardReasonLength)
        {
            throw new ArgumentException($"a reason of at most {MaxCardReasonLength} characters", nameof(reason));
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO flagged_cards (id_number, reason, flagged_by, flagged_at) VALUES (@idNumber, @reason, @userName, @at)
            ON CONFLICT (id_number) DO UPDATE SET reason = excluded.reason, flagged_by = excluded.flagged_by, flagged_at = excluded.flagged_at
            """, new { idNumber, reason, userName, at = Iso(at) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var unflagged = (await c.QueryAsync<(string Id, long Version, string Flags, long Last)>(new CommandDefinition(
            """
            SELECT r.record_id, r.version, r.flags, (SELECT COALESCE(MAX(f.position), -1) FROM record_flags f WHERE f.record_id = r.record_id AND f.version = r.version)
            FROM records r WHERE r.id_number = @idNumber AND r.version = (SELECT MAX(v.version) FROM records v WHERE v.record_id = r.record_id)
              AND NOT EXISTS (SELECT 1 FROM record_flags f WHERE f.record_id = r.record_id AND f.version = r.version AND f.code = @code AND f.resolved_by IS NULL)
            """, new { idNumber, code = IngestFlagCodes.CardFlagged }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var flag = CardFlag(reason);
        foreach (var r in unflagged)
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO record_flags (record_id, version, position, code, severity, field_id, message, related_record_id, flagged_at)
                VALUES (@id, @version, @position, @code, @severity, @field, @message, NULL, @at)
                """, new { id = r.Id, version = r.Version, position = r.Last + 1, code = flag.Code, severity = flag.Severity.ToString(), field = flag.FieldId, message = flag.Message, at = Iso(at) },
                tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var codes = r.Flags.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (!codes.Contains(flag.Code, StringComparer.Ordinal))
            {
                await c.ExecuteAsync(new CommandDefinition("UPDATE records SET flags = @flags WHERE record_id = @id AND version = @version",
                    new { flags = string.Join('\n', codes.Append(flag.Code)), id = r.Id, version = r.Version }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return unflagged.Count;
    }

    /// <inheritdoc/>
    public async Task<int?> UnflagCardAsync(string idNumber, string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await c.ExecuteAsync(new CommandDefinition("DELETE FROM flagged_cards WHERE id_number = @idNumber", new { idNumber }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            return null;
        }
        var resolved = await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE record_flags SET resolved_by = @userName, resolved_at = @at
            WHERE code = @code AND resolved_by IS NULL AND record_id IN (SELECT r.record_id FROM records r WHERE r.id_number = @idNumber)
            """, new { idNumber, userName, at = Iso(at), code = IngestFlagCodes.CardFlagged }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return resolved;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FlaggedCard>> FlaggedCardsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string IdNumber, string Reason, string By, string At, long Records)>(new CommandDefinition(
            """
            SELECT k.id_number, k.reason, k.flagged_by, k.flagged_at, (SELECT COUNT(DISTINCT r.record_id) FROM records r WHERE r.id_number = k.id_number)
            FROM flagged_cards k ORDER BY k.flagged_at DESC, k.id_number
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new FlaggedCard(r.IdNumber, r.Reason, r.By, ParseIso(r.At), r.Records))];
    }

    /// <summary>The flag of a record collected with a card on the list.</summary>
    private static RecordFlag CardFlag(string reason) => new(IngestFlagCodes.CardFlagged, IssueSeverity.Error, "identity.idNumber",
        $"证件已列入办公室的挂失或异常证件名单（{reason}）：请核实采集时出示的是否本人有效证件，必要时入户复核");

    /// <summary>The batch's ID numbers on the list, with the reason (for the ingest's flags).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> FlaggedCardsAsync(DbConnection c, DbTransaction tx, IngestBatch batch, CancellationToken ct)
    {
        var flagged = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = batch.Records.Select(r => r.Record.Text("identity.idNumber")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in Chunks(numbers, RowsPerCommand))
        {
            foreach (var (number, reason) in await c.QueryAsync<(string, string)>(new CommandDefinition(
                $"SELECT id_number, reason FROM flagged_cards WHERE id_number IN {InList(chunk, out var p)}", p, tx, cancellationToken: ct)).ConfigureAwait(false))
            {
                flagged[number] = reason;
            }
        }
        return flagged;
    }
}
