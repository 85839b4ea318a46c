using Terminal.Records.Categories;
using Terminal.Records.Identity;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>One person of a department's list, parsed: the file row it came from and what the mapped columns said
/// (null where the list has no such column or the cell was empty).</summary>
public sealed record DepartmentEntry(
    int Row,
    IdNumber? IdNumber,
    string Name,
    DateOnly? BirthDate,
    Sex? Sex,
    CategorySet? Categories,
    string? Address,
    DateOnly? DeathDate);
