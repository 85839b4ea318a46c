namespace Terminal.Host.Reports.CrossCheck;

/// <summary>The outcome of importing a list: the list when every row is good, else every problem by row (never
/// both: nothing is half-imported).</summary>
public sealed record ListImport(DepartmentList? List, IReadOnlyList<RowProblem> Problems)
{
    /// <summary>True when the list was imported.</summary>
    public bool Succeeded => List is not null;
}
