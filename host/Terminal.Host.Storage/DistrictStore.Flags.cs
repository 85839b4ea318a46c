using System.Data.Common;
using Dapper;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore
{
    /// <summary>
    /// The flags of one record version arriving: the caller's, the record's own checks, and the duplicates against
    /// other records already stored (the same ID number from another terminal or under other categories; a survivor
    /// naming the same deceased as another record of the same person), and a card on the office's flagged list.
    /// </summary>
    private static List<RecordFlag> FlagsOf(IngestBatch batch, PreparedRecord prepared, SameIdNumber sameNumber, IReadOnlyDictionary<string, string> flaggedCards)
    {
        var r = prepared.Item.Record;
        var flags = new List<RecordFlag>(prepared.OwnFlags);
        if (r.Text("identity.idNumber") is not { } idNumber)
        {
            return flags;
        }
        if (flaggedCards.TryGetValue(idNumber, out var reason))
        {
            flags.Add(CardFlag(reason));
        }
        var keys = RecordChecks.DeceasedKeys(r).ToHashSet(StringComparer.Ordinal);
        foreach (var other in sameNumber.Others(idNumber, r.RecordId))
        {
            if (other.Terminal != batch.TerminalId)
            {
                flags.Add(new RecordFlag(IngestFlagCodes.DuplicateAcrossTerminals, IssueSeverity.Error, "identity.idNumber",
                    $"重复采集：同一身份证号码已{CollectedBy(other.Terminal)}（另一条记录）。请核实后保留一条，另一条作废", other.RecordId));
            }
            else if (other.Categories != r.Categories)
            {
                flags.Add(new RecordFlag(IngestFlagCodes.DuplicateAcrossCategories, IssueSeverity.Error, "identity.idNumber",
                    $"重复采集：同一身份证号码已按其他类别（{string.Join('、', other.Categories.Members().Select(CategoryNames.Label))}）采集。请核实类别后合并为一条", other.RecordId));
            }
            else
            {
                flags.Add(new RecordFlag(IngestFlagCodes.DuplicateSubject, IssueSeverity.Warning, "identity.idNumber",
                    "重复采集：同一终端已为此人采集过另一条记录。请核实后保留一条", other.RecordId));
            }
            if (keys.Count > 0 && RecordChecks.DeceasedKeys(other.Record.Value).Any(keys.Contains))
            {
                flags.Add(new RecordFlag(IngestFlagCodes.SurvivorLinkedTwice, IssueSeverity.Error, null,
                    "同一遗属已在另一条记录中关联了同一位牺牲（病故）军人：请核实，只保留一条", other.RecordId));
            }
        }
        return flags;
    }

    /// <summary>The flags that need nothing but the record and what came with it: the delivery's and <see cref="RecordChecks"/>.</summary>
    private static List<RecordFlag> OwnFlags(IngestedRecord item, IReadOnlyDictionary<string, byte[]> photos)
    {
        var flags = new List<RecordFlag>(item.Flags.Select(f => new RecordFlag(IngestFlagCodes.Delivery, IssueSeverity.Error, null, f)));
        flags.AddRange(RecordChecks.Of(item.Record, item.SignatureStrokes, sha => photos.GetValueOrDefault(sha)));
        return flags;
    }

    /// <summary>A record version carrying an ID number a batch also carries: stored, or earlier in the same batch.</summary>
    private sealed record SameIdNumberRecord(Guid RecordId, long Version, string Terminal, CategorySet Categories, Lazy<Record> Record);

    /// <summary>The latest version of each record per ID number, for the duplicate checks of a batch.</summary>
    private sealed class SameIdNumber
    {
        private readonly Dictionary<string, Dictionary<Guid, SameIdNumberRecord>> _byNumber = new(StringComparer.Ordinal);

        public void Add(string idNumber, SameIdNumberRecord record)
        {
            if (!_byNumber.TryGetValue(idNumber, out var records))
            {
                _byNumber[idNumber] = records = [];
            }
            if (!records.TryGetValue(record.RecordId, out var known) || known.Version < record.Version)
            {
                records[record.RecordId] = record;
            }
        }

        public void Add(Record record, string terminalId)
        {
            if (record.Text("identity.idNumber") is { } idNumber)
            {
                Add(idNumber, new SameIdNumberRecord(record.RecordId, record.Version, terminalId, record.Categories, new Lazy<Record>(record)));
            }
        }

        /// <summary>The other records with this number, in record id order (the order the flags were always written in).</summary>
        public IEnumerable<SameIdNumberRecord> Others(string idNumber, Guid recordId) =>
            _byNumber.TryGetValue(idNumber, out var records)
                ? records.Values.Where(o => o.RecordId != recordId).OrderBy(o => o.RecordId.ToString("D"), StringComparer.Ordinal)
                : [];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredRecordFlag>> FlagsAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<FlagRow>(new CommandDefinition(
            """
            SELECT record_id AS RecordId, version AS Version, position AS Position, code AS Code, severity AS Severity, field_id AS FieldId, message AS Message,
                   related_record_id AS Related, flagged_at AS FlaggedAt, resolved_by AS ResolvedBy, resolved_at AS ResolvedAt
            FROM record_flags WHERE record_id = @id OR related_record_id = @id ORDER BY version, record_id, position
            """, new { id = recordId.ToString("D") }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(f => new StoredRecordFlag(Guid.ParseExact(f.RecordId, "D"), (int)f.Version, (int)f.Position,
            new RecordFlag(f.Code, Enum.Parse<IssueSeverity>(f.Severity), f.FieldId, f.Message, f.Related is null ? null : Guid.ParseExact(f.Related, "D")),
            ParseIso(f.FlaggedAt), f.ResolvedBy, f.ResolvedAt is null ? null : ParseIso(f.ResolvedAt)))];
    }

    /// <inheritdoc/>
    public async Task<bool> ResolveFlagAsync(Guid recordId, int version, int position, string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE record_flags SET resolved_by = @userName, resolved_at = @at WHERE record_id = @id AND version = @version AND position = @position AND resolved_by IS NULL",
            new { id = recordId.ToString("D"), version = (long)version, position = (long)position, userName, at = Iso(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private sealed class FlagRow
    {
        public string RecordId { get; set; } = "";
        public long Version { get; set; }
        public long Position { get; set; }
        public string Code { get; set; } = "";
        public string Severity { get; set; } = "";
        public string? FieldId { get; set; }
        public string Message { get; set; } = "";
        public string? Related { get; set; }
        public string FlaggedAt { get; set; } = "";
        public string? ResolvedBy { get; set; }
        public string? ResolvedAt { get; set; }
    }

    /// <summary>Who collected a record, as the duplicate flag says it: a terminal, or the office by hand.</summary>
    private static string CollectedBy(string terminalId) =>
        IsOfficeTerminal(terminalId) ? $"在区县办公室手工录入（采集点 {terminalId[OfficeTerminalPrefix.Length..]}）" : $"由终端 {terminalId} 采集";
}
