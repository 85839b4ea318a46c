namespace Terminal.Host.Reports.CrossCheck;

/// <summary>The outcome of one cross-check: who matched whom, and the review items.</summary>
public sealed record CrossCheckResult(Department Department, IReadOnlyList<CrossCheckMatch> Matches, IReadOnlyList<ReviewItem> ReviewItems);
