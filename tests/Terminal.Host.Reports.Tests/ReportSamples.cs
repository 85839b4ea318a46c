using Terminal.Host.Reports.Data;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Reports.Tests;

/// <summary>Records and report data shared by the tests: variations of the sample record.</summary>
internal static class ReportSamples
{
    /// <summary>The n-th of a varied set of records (<see cref="VariedRecords.Subject"/>).</summary>
    public static Record Subject(int n) => VariedRecords.Subject(n);

    /// <summary>The report data of <paramref name="count"/> subjects.</summary>
    public static CollectionReportData Data(int count)
    {
        var counts = new ReportCounts("650105");
        for (var i = 0; i < count; i++)
        {
            counts.Add(Subject(i));
        }
        return counts.ToReportData(new DateOnly(2018, 12, 10), new QualityFigures
        {
            RecordsReceived = count, Accepted = count - 7, ProblemData = 3, MissingData = 4, SuspectedDuplicates = 2,
            RuleViolations = 1, PhotoProblems = 1, SignatureMismatches = 0, CorrectionsClosed = 5, CorrectionsOpen = 2, CrossCheckOpen = 6,
        });
    }

    /// <summary>A folder for the PDFs and spreadsheets a test run leaves to be looked at.</summary>
    public static string OutputFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "report-output");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
