using Dapper;
using System.Data.Common;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore
{
    /// <summary>The prefix of the office's pseudo-terminals (one per collection point; registered without a key, so never docked).</summary>
    public const string OfficeTerminalPrefix = "OFFICE-";

    /// <summary>The pseudo-terminal under which the office enters records of a collection point.</summary>
    public static string OfficeTerminalId(string collectionPointCode) => OfficeTerminalPrefix + collectionPointCode;

    /// <summary>Whether a record came from the office rather than a terminal.</summary>
    public static bool IsOfficeTerminal(string terminalId) => terminalId.StartsWith(OfficeTerminalPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Stores a record entered at the office in one transaction, through the same insert, checks and duplicate flags
    /// as a docked record (<see cref="CommitAsync"/>), under the collection point's office pseudo-terminal with the
    /// next sequence number, with its provenance and the scan of the signed paper form. Returns the flags' codes.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnterAtOfficeAsync(OfficeEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var photos = entry.Photos.Append(entry.SignedFormScan).ToList();
        foreach (var photo in photos)
        {
            if (Sha256Hex(photo.Bytes) != photo.Sha256)
            {
                throw new ArgumentException($"photo {photo.Sha256} does not match its hash", nameof(entry));
            }
        }
        var terminal = OfficeTerminalId(entry.Record.CollectionPointCode);
        if (entry.Record.TerminalId != terminal)
        {
            throw new ArgumentException($"an office record names terminal {entry.Record.TerminalId}, not {terminal}", nameof(entry));
        }
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var at = Iso(entry.EnteredAt);
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO terminals (terminal_id, collection_point, public_key, provisioned_at) VALUES (@terminal, @point, @key, @at)
                ON CONFLICT (terminal_id) DO NOTHING
                """,
                new { terminal, point = entry.Record.CollectionPointCode, key = Array.Empty<byte>(), at }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var sequence = 1 + await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COALESCE(MAX(sequence), 0) FROM records WHERE terminal_id = @terminal", new { terminal }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var batch = new IngestBatch(terminal, entry.EnteredAt, [new IngestedRecord(entry.Record, sequence, [], [])], photos, []);
            if ((await WriteAsync(c, tx, batch, Task.FromResult(Prepare(batch)), cancellationToken).ConfigureAwait(false)).RecordsAdded == 0)
            {
                throw new IngestConflictException("这条记录已经录入过，未重复保存");
            }
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO record_provenance (record_id, version, office_user, card_source, scan_sha256, entered_at)
                VALUES (@id, @version, @user, @source, @scan, @at);
                UPDATE terminals SET last_docked_at = @at WHERE terminal_id = @terminal
                """,
                new
                {
                    id = entry.Record.RecordId.ToString("D"), version = (long)entry.Record.Version, user = entry.ClerkUserName,
                    source = entry.CardSource == CardSource.Reader ? "reader" : "typed", scan = entry.SignedFormScan.Sha256, at, terminal,
                }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var flags = await c.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT flags FROM records WHERE record_id = @id AND version = @version",
                new { id = entry.Record.RecordId.ToString("D"), version = (long)entry.Record.Version }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(flags) ? [] : flags.Split('\n');
        }
        catch (DbException e)
        {
            throw new IngestConflictException($"数据与库中已有内容冲突，这条记录未保存：{e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async Task<RecordProvenance?> ProvenanceAsync(Guid recordId, int version, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<(string User, string Source, string Scan, string At)?>(new CommandDefinition(
            "SELECT office_user, card_source, scan_sha256, entered_at FROM record_provenance WHERE record_id = @id AND version = @version",
            new { id = recordId.ToString("D"), version = (long)version }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new RecordProvenance(r.User, r.Source == "reader" ? CardSource.Reader : CardSource.Typed, r.Scan, ParseIso(r.At)) : null;
    }

    /// <summary>The person of the initial data with this ID number, or null.</summary>
    public async Task<RosterEntry?> RosterEntryAsync(string idNumber, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<(string Id, string Name, string Street, string Point)?>(new CommandDefinition(
            "SELECT id_number, name, street, collection_point FROM roster_entries WHERE id_number = @idNumber", new { idNumber }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new RosterEntry(r.Id, r.Name, r.Street, r.Point) : null;
    }
}
