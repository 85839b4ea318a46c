namespace Terminal.Records.Validation;

/// <summary>
/// One finding about a record: what rule, which field (the form's field id, or null for the record as a whole),
/// how much it matters, and a Chinese message that names the field and says what to fix.
/// </summary>
public sealed record RecordIssue(IssueCode Code, string? FieldId, IssueSeverity Severity, string Message)
{
    /// <summary>An error (blocks finalizing).</summary>
    public static RecordIssue Error(IssueCode code, string? fieldId, string message) => new(code, fieldId, IssueSeverity.Error, message);

    /// <summary>A warning (the field worker must confirm).</summary>
    public static RecordIssue Warning(IssueCode code, string? fieldId, string message) => new(code, fieldId, IssueSeverity.Warning, message);

    /// <summary>A notice (information only).</summary>
    public static RecordIssue Notice(IssueCode code, string? fieldId, string message) => new(code, fieldId, IssueSeverity.Notice, message);

    /// <inheritdoc/>
    public override string ToString() => FieldId is null ? $"[{Code}] {Message}" : $"[{Code}] {FieldId}: {Message}";
}
