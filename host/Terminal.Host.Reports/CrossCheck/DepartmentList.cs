namespace Terminal.Host.Reports.CrossCheck;

/// <summary>A department's list imported whole: every row parsed, or none (<see cref="DepartmentListParser"/>).</summary>
public sealed record DepartmentList(Department Department, string FileName, IReadOnlyList<DepartmentEntry> Entries);
