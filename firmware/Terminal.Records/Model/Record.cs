using System.Collections.Immutable;
using Terminal.Records.Categories;

namespace Terminal.Records.Model;

/// <summary>
/// One subject's collected data (采集记录), one version of it. Values are keyed by the form definition's field
/// ids; the record names the form version it was collected under. Immutable: edits make a new instance.
/// </summary>
public sealed record Record
{
    /// <summary>Identifies the record across its versions.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>1 for the first collection; each correction (数据补缺) adds one.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The form definition version the record was collected under, e.g. "2018.1".</summary>
    public required string FormVersion { get; init; }

    /// <summary>现场 / 入户 / 自主申报.</summary>
    public required CollectionMode Mode { get; init; }

    /// <summary>The day of collection (the date rules are checked against).</summary>
    public required DateOnly CollectedOn { get; init; }

    /// <summary>The terminal's id as provisioned.</summary>
    public required string TerminalId { get; init; }

    /// <summary>The operator (field worker) who collected it.</summary>
    public required string OperatorId { get; init; }

    /// <summary>The collection point (采集点) code.</summary>
    public required string CollectionPointCode { get; init; }

    /// <summary>The selected subject categories.</summary>
    public CategorySet Categories { get; init; }

    /// <summary>Field values by field id (ordinal order).</summary>
    public ImmutableSortedDictionary<string, FieldValue> Values { get; init; } = ImmutableSortedDictionary.Create<string, FieldValue>(StringComparer.Ordinal);

    /// <summary>The photos taken for this record.</summary>
    public ImmutableArray<PhotoReference> Photos { get; init; } = [];

    /// <summary>The subject's signature, once given.</summary>
    public SignatureReference? Signature { get; init; }

    /// <summary>The value text of a field, or null when it is absent or blank.</summary>
    public string? Text(string fieldId) =>
        Values.TryGetValue(fieldId, out var v) && !string.IsNullOrWhiteSpace(v.Value) ? v.Value : null;

    /// <summary>
    /// Version N+1 of this record, to correct it (数据补缺, seed 000 §七 第二阶段 "对问题数据和缺失数据及时修订和补充"):
    /// the same id, the values with their sources, the categories and the photo references; the terminal and operator
    /// who correct it and the day of the correction; not signed, as the subject signs the corrected content again.
    /// </summary>
    public Record NextVersion(string terminalId, string operatorId, DateOnly collectedOn) =>
        this with { Version = Version + 1, TerminalId = terminalId, OperatorId = operatorId, CollectedOn = collectedOn, Signature = null };

    /// <summary>The record with one field set (or removed, when <paramref name="value"/> is null or blank).</summary>
    public Record With(string fieldId, string? value, FieldSource source = FieldSource.Operator) =>
        this with
        {
            Values = string.IsNullOrWhiteSpace(value) ? Values.Remove(fieldId) : Values.SetItem(fieldId, new FieldValue(value, source)),
        };
}
