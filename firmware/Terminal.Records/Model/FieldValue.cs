namespace Terminal.Records.Model;

/// <summary>
/// One field's value in its canonical text form (see CANONICAL.md: dates yyyy-MM-dd, codes as their code,
/// several codes joined by "," in code-list order, numbers in invariant culture, yes/no as "true"/"false"),
/// and where it came from.
/// </summary>
public sealed record FieldValue(string Value, FieldSource Source = FieldSource.Operator);
