namespace Terminal.Host.Storage.Model;

/// <summary>A review item's state: 待处理, 已核实 (checked, nothing to change), 已更正 (the data was corrected).</summary>
public enum ReviewState
{
    Open,
    Verified,
    Corrected,
}

/// <summary>One imported list of another department (a cross-check run).</summary>
public sealed record CrossCheckRun(Guid RunId, string Department, string FileName, string FileSha256, long ListRows, long Subjects, string ImportedBy, DateTimeOffset ImportedAt);

/// <summary>One discrepancy to review, as the matcher described it (Kind is the matcher's kind name).</summary>
public sealed record NewReviewItem(string Kind, Guid? RecordId, int? ListRow, string Description);

/// <summary>A stored review item with its run and what a reviewer did with it.</summary>
public sealed record StoredReviewItem(Guid RunId, int Position, string Department, string FileName, string Kind, Guid? RecordId, int? ListRow, string Description,
    ReviewState State, string? Note, string? WorkedBy, DateTimeOffset? WorkedAt);
