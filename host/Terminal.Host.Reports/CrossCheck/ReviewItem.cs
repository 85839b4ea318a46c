namespace Terminal.Host.Reports.CrossCheck;

/// <summary>One discrepancy for a reviewer: its kind, the record concerned (null when the person was not found
/// among the subjects), the row of the department's list (null for a subject missing from it), and a Chinese
/// description saying what differs and what to check.</summary>
public sealed record ReviewItem(ReviewKind Kind, Guid? RecordId, int? ListRow, string Description);
