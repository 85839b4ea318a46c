namespace Terminal.Host.Reports.CrossCheck;

/// <summary>A department's list as read from its file, before mapping: the headings (first row) and each data row's
/// cells as text with its row number in the file (row 1 is the heading), so problems can name the row people see;
/// and the cells the reader found damaged (<see cref="ListFileReader"/>: a long number Excel has rounded).</summary>
public sealed record ListTable(IReadOnlyList<string> Headings, IReadOnlyList<ListRow> Rows)
{
    /// <summary>Problems of single cells found while reading; the parser reports those of mapped columns.</summary>
    public IReadOnlyList<RowProblem> CellProblems { get; init; } = [];
}
