namespace Terminal.Host.Reports.CrossCheck;

/// <summary>How a cross-check runs.</summary>
public sealed record CrossCheckOptions
{
    /// <summary>The collection's reference date (标准时点, seed 001 §二): a death before it is a discrepancy.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2018, 10, 1);

    /// <summary>Also report subjects missing from the list: right for a list meant to hold everyone (公安户籍 of the
    /// district, 人武部's roster), wrong for one that holds a part (医保 of the disabled, say).</summary>
    public bool ReportSubjectsNotOnList { get; init; }

    /// <summary>Match by birth date and a name one character off (<see cref="NameComparison.IsSafeTypo"/>).</summary>
    public bool TolerateNameTypos { get; init; } = true;
}
