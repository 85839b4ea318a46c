namespace Terminal.Host.Reports.CrossCheck;

/// <summary>One data row: its row number in the file and its cells (as many as there are headings, "" for empty).</summary>
public sealed record ListRow(int Number, IReadOnlyList<string> Cells);
