namespace Terminal.Storage.Audit;

/// <summary>The result of verifying an audit log.</summary>
public sealed record AuditReport(IReadOnlyList<AuditProblem> Problems, int EntryCount, long? LastSignedSequence)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool IsIntact => Problems.Count == 0;
}
