using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Serialization;

namespace Terminal.Host.Storage;

/// <summary>
/// <see cref="IDistrictStore"/> on either database: one set of SQL (ISO dates as text, bytes as BLOB/BYTEA,
/// ON CONFLICT DO NOTHING for what may arrive twice), every value a parameter.
/// </summary>
public sealed partial class DistrictStore : IDistrictStore
{
    private readonly DistrictDatabase _database;

    /// <summary>The store on <paramref name="database"/> (migrated with <see cref="Migrations.Migrator"/> first).</summary>
    public DistrictStore(DistrictDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc/>
    public async Task SaveCollectionPointAsync(CollectionPoint point, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO collection_points (code, name, streets, expected_count) VALUES (@Code, @Name, @streets, @ExpectedCount)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, streets = excluded.streets, expected_count = excluded.expected_count
            """,
            new { point.Code, point.Name, streets = string.Join(',', point.Streets), point.ExpectedCount }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CollectionPoint>> CollectionPointsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Code, string Name, string Streets, long Expected)>(new CommandDefinition(
            "SELECT code, name, streets, expected_count FROM collection_points ORDER BY code", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new CollectionPoint(r.Code, r.Name, r.Streets.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Expected))];
    }

    /// <inheritdoc/>
    public async Task RegisterTerminalAsync(TerminalRegistration terminal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO terminals (terminal_id, collection_point, public_key, provisioned_at) VALUES (@TerminalId, @CollectionPointCode, @PublicKey, @at)
            ON CONFLICT (terminal_id) DO UPDATE SET collection_point = excluded.collection_point, public_key = excluded.public_key, provisioned_at = excluded.provisioned_at
            """,
            new { terminal.TerminalId, terminal.CollectionPointCode, terminal.PublicKey, at = Iso(terminal.ProvisionedAt) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<TerminalRegistration?> TerminalAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<(string Id, string Point, byte[] Key, string At, string? Docked)?>(new CommandDefinition(
            "SELECT terminal_id, collection_point, public_key, provisioned_at, last_docked_at FROM terminals WHERE terminal_id = @terminalId",
            new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new TerminalRegistration(r.Id, r.Point, r.Key, ParseIso(r.At), r.Docked is null ? null : ParseIso(r.Docked)) : null;
    }

    /// <inheritdoc/>
    public async Task<byte[]?> PhotoAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT bytes FROM photos WHERE sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Record?> RecordAsync(Guid recordId, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var canonical = await c.QueryFirstOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT canonical FROM records WHERE record_id = @id AND (@version IS NULL OR version = @version) ORDER BY version DESC",
            new { id = recordId.ToString("D"), version = (long?)version }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return canonical is null ? null : RecordSerializer.Deserialize(canonical);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordSummary>> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default) =>
        await SummariesAsync("id_number = @idNumber ORDER BY collected_on, record_id, version", new { idNumber }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecordSummary>> SearchByNameAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return await SummariesAsync("name LIKE @pattern ESCAPE '\\' ORDER BY name, record_id, version LIMIT @limit", new { pattern, limit = (long)Math.Clamp(limit, 1, 1000) }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<long>> MissingSequencesAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var seen = (await c.QueryAsync<long>(new CommandDefinition(
            "SELECT sequence FROM records WHERE terminal_id = @terminalId ORDER BY sequence", new { terminalId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var missing = new List<long>();
        var expected = 1L;
        foreach (var s in seen)
        {
            for (; expected < s; expected++)
            {
                missing.Add(expected);
            }
            expected = s + 1;
        }
        return missing;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ProgressRow>> ProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Code, string Name, long Expected, long Collected, long NotOnRoster)>(new CommandDefinition(
            $"""
            SELECT p.code, p.name, p.expected_count,
                   (SELECT COUNT(*) FROM roster_entries e WHERE e.collection_point = p.code AND EXISTS (SELECT 1 FROM records r WHERE r.id_number = e.id_number)),
                   (SELECT COUNT(DISTINCT r.id_number) FROM records r WHERE r.collection_point = p.code AND r.id_number IS NOT NULL AND {NotMergedAway("r")}
                      AND NOT EXISTS (SELECT 1 FROM roster_entries e WHERE e.id_number = r.id_number))
            FROM collection_points p ORDER BY p.code
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ProgressRow(r.Code, r.Name, r.Expected, r.Collected, r.NotOnRoster))];
    }

    /// <inheritdoc/>
    public async Task<DistrictCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleAsync<(long Points, long Terminals, long Records, long Versions)>(new CommandDefinition(
            $"""
            SELECT (SELECT COUNT(*) FROM collection_points), (SELECT COUNT(*) FROM terminals),
                   (SELECT COUNT(DISTINCT r.record_id) FROM records r WHERE {NotMergedAway("r")}), (SELECT COUNT(*) FROM records)
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new DistrictCounts(row.Points, row.Terminals, row.Records, row.Versions);
    }

    private async Task<IReadOnlyList<RecordSummary>> SummariesAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<SummaryRow>(new CommandDefinition(
            "SELECT record_id AS RecordId, version AS Version, terminal_id AS TerminalId, sequence AS Sequence, id_number AS IdNumber, name AS Name, " +
            "categories AS Categories, collection_point AS CollectionPoint, collected_on AS CollectedOn, flags AS Flags FROM records WHERE " + where,
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new RecordSummary(Guid.ParseExact(r.RecordId, "D"), (int)r.Version, r.TerminalId, r.Sequence, r.IdNumber, r.Name,
            CategorySet.FromMask((int)r.Categories), r.CollectionPoint, DateOnly.ParseExact(r.CollectedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Flags.Split('\n', StringSplitOptions.RemoveEmptyEntries)))];
    }

    internal static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseIso(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed class SummaryRow
    {
        public string RecordId { get; set; } = "";
        public long Version { get; set; }
        public string TerminalId { get; set; } = "";
        public long Sequence { get; set; }
        public string? IdNumber { get; set; }
        public string? Name { get; set; }
        public long Categories { get; set; }
        public string CollectionPoint { get; set; } = "";
        public string CollectedOn { get; set; } = "";
        public string Flags { get; set; } = "";
    }
}
