using Terminal.Records.Model;

namespace Terminal.Storage.Store;

/// <summary>A record being collected, as last saved, and the workflow step it was saved at.</summary>
public sealed record Draft(Record Record, string Step, DateTimeOffset SavedAt)
{
    /// <summary>The correction item this draft (version N+1 of a reviewed record) answers; null for a first collection.</summary>
    public CorrectionDraft? Correction { get; init; }
}
