using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Rules;

namespace Terminal.Records.Validation;

/// <summary>
/// The one validator of records, used by the terminal as the field worker types and by the district host on
/// ingest. Data constraints come from the record's form definition; the rules data cannot express are the
/// <see cref="Rules"/> below, each in Rules/ citing its seed sentence.
/// </summary>
public static class RecordValidator
{
    /// <summary>The rules in code, in the order their findings are listed.</summary>
    public static readonly IReadOnlyList<RecordRule> Rules =
    [
        (r, _) => CategoryCombinationRule.Check(r.Categories),
        FieldConstraints.Check,
        IdNumberConsistencyRule.Check,
        ServiceDatesRule.Check,
        RankClassRule.Check,
        ResettlementDateRule.Check,
        StateSupportRule.Check,
        DemobilizedTypeRule.Check,
        ScopeRule.Check,
        ReferenceDateRule.Check,
        PhotosRule.Check,
        SignatureBindingRule.Check,
    ];

    /// <summary>Every finding about the record. Throws <see cref="KeyNotFoundException"/> for a form version this program lacks.</summary>
    public static IReadOnlyList<RecordIssue> Validate(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var form = FormDefinitions.Get(record.FormVersion);
        return [.. Rules.SelectMany(rule => rule(record, form))];
    }

    /// <summary>True when nothing blocks the subject's signature: no error but the missing signature itself.</summary>
    public static bool ReadyToSign(IReadOnlyList<RecordIssue> issues) =>
        !issues.Any(i => i.Severity == IssueSeverity.Error && i.Code != IssueCode.SignatureMissing);

    /// <summary>True when the record may be finalized: no error at all.</summary>
    public static bool ReadyToFinalize(IReadOnlyList<RecordIssue> issues) => !issues.Any(i => i.Severity == IssueSeverity.Error);
}
