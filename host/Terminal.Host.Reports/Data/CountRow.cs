namespace Terminal.Host.Reports.Data;

/// <summary>One line of a count table: a code of a national table (or the report's own, for age bands), its Chinese
/// name, and how many subjects it counts.</summary>
public sealed record CountRow(string Code, string Name, long Count);
