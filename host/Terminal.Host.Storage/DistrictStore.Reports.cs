using System.Runtime.CompilerServices;
using Dapper;
using Terminal.Host.Storage.Ingest;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore : IDistrictReportStore
{
    /// <summary>The flag codes of a suspected duplicate.</summary>
    internal static readonly string[] DuplicateCodes =
        [IngestFlagCodes.DuplicateAcrossTerminals, IngestFlagCodes.DuplicateAcrossCategories, IngestFlagCodes.DuplicateSubject, IngestFlagCodes.SurvivorLinkedTwice];

    /// <summary>The flag codes of a photo problem.</summary>
    internal static readonly string[] PhotoCodes =
        [IngestFlagCodes.PhotoDamaged, nameof(IssueCode.PhotoNotJpeg), nameof(IssueCode.PhotoTooLarge)];

    /// <summary>The flag codes of a signature not matching.</summary>
    internal static readonly string[] SignatureCodes =
        [IngestFlagCodes.SignatureStrokesMismatch, nameof(IssueCode.SignatureContentMismatch)];

    private const string CurrentVersion = "r.version = (SELECT MAX(v.version) FROM records v WHERE v.record_id = r.record_id)";

    /// <inheritdoc/>
    public async IAsyncEnumerable<Record> CurrentRecordsAsync(string? street = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = c.QueryUnbufferedAsync<byte[]>(
            $"SELECT r.canonical FROM records r WHERE {CurrentVersion} AND {NotMergedAway("r")} AND (@street IS NULL OR r.street = @street) ORDER BY r.record_id",
            new { street });
        await foreach (var canonical in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return RecordSerializer.Deserialize(canonical);
        }
    }

    /// <inheritdoc/>
    public async Task<FlagFigures> FlagFiguresAsync(CancellationToken cancellationToken = default)
    {
        // the codes are this program's constants, not input: written into the SQL as literals
        static string In(IEnumerable<string> codes) => "(" + string.Join(", ", codes.Select(code => "'" + code + "'")) + ")";
        var special = In(DuplicateCodes.Concat(PhotoCodes).Concat(SignatureCodes));
        string Open(string condition) =>
            $"COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM record_flags f WHERE f.resolved_at IS NULL AND NOT {SettledByMerge("f")} AND {condition}) THEN 1 ELSE 0 END), 0)";
        const string Own = "f.record_id = r.record_id AND f.version = r.version";
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleAsync<(long Received, long Rules, long Duplicates, long Photos, long Signatures)>(new CommandDefinition(
            $"""
            SELECT COUNT(*),
                   {Open($"{Own} AND f.severity = 'Error' AND f.code NOT IN {special}")},
                   {Open($"f.code IN {In(DuplicateCodes)} AND (({Own}) OR f.related_record_id = r.record_id)")},
                   {Open($"{Own} AND f.code IN {In(PhotoCodes)}")},
                   {Open($"{Own} AND f.code IN {In(SignatureCodes)}")}
            FROM records r WHERE {CurrentVersion} AND {NotMergedAway("r")}
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new FlagFigures(row.Received, row.Rules, row.Duplicates, row.Photos, row.Signatures);
    }
}
