namespace Terminal.Host.Reports.CrossCheck;

/// <summary>Why one row (or the heading, row 1) of a list file was refused, in Chinese.</summary>
public sealed record RowProblem(int Row, string? Column, string Reason)
{
    /// <summary>"第12行“出生日期”：…".</summary>
    public string Message => Column is null ? $"第{Row}行：{Reason}" : $"第{Row}行“{Column}”：{Reason}";
}
