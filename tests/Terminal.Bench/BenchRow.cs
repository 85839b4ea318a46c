using System.Globalization;

namespace Terminal.Bench;

/// <summary>
/// One line of the bench table: a figure, the baseline measured in the same run, their ratio, and the goal (a
/// ratio the figure must not exceed, or null when there is none).
/// </summary>
internal sealed record BenchRow(string Figure, double Value, string Unit, double Baseline, string BaselineWhat, double? Goal, bool AtLeast = false)
{
    public double Ratio => Baseline == 0 ? double.NaN : Value / Baseline;

    public string Met => Goal is { } goal ? ((AtLeast ? Ratio >= goal : Ratio <= goal) ? "yes" : "NO") : "-";

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"| {Figure} | {Value:0.###} {Unit} | {Baseline:0.###} {Unit} ({BaselineWhat}) | {Ratio:0.000} | {(Goal is { } g ? (AtLeast ? "≥ " : "≤ ") + g.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {Met} |");
}
