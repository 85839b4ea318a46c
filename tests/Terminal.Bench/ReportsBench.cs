using System.Diagnostics;
using System.Globalization;
using Terminal.Host.Reports.Data;
using Terminal.Host.Reports.Exports;
using Terminal.Host.Reports.Pdf;
using Terminal.Testing;

namespace Terminal.Bench;

/// <summary>
/// The district's phase-2 outputs (issue 10) at 100,000 subjects: counting the records, the collection report PDF
/// from those counts (against the same report of 100 subjects' counts: the report's cost should not grow with the
/// records, only the numbers change), and the summary XLSX with 100,000 subject rows (against the same rows as CSV,
/// the plain baseline). Seconds and megabytes.
/// </summary>
internal static class ReportsBench
{
    private const int Subjects = 100_000;

    public static IReadOnlyList<BenchRow> Run(TextWriter log)
    {
        var rows = new List<BenchRow>();
        var records = Enumerable.Range(0, Subjects).Select(VariedRecords.Subject).ToList();
        var quality = new QualityFigures { RecordsReceived = Subjects, Accepted = Subjects - 500, ProblemData = 300, MissingData = 200 };
        var asOf = new DateOnly(2018, 12, 10);
        var created = new DateTimeOffset(2018, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));

        CollectionReportData data = null!;
        var count = Seconds(() =>
        {
            var counts = new ReportCounts("650105");
            records.ForEach(counts.Add);
            data = counts.ToReportData(asOf, quality);
        });
        var scan = Seconds(() =>
        {
            long n = 0;
            foreach (var r in records)
            {
                n += (r.Text("personal.street")?.Length ?? 0) + (r.Text("identity.nation")?.Length ?? 0) + (r.Text("identity.birthDate")?.Length ?? 0) + (r.Text("appeals.topics")?.Length ?? 0);
            }
            GC.KeepAlive(n);
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reports: counted {Subjects:N0} records in {count:0.000} s (reading the same four fields: {scan:0.000} s)"));
        rows.Add(new BenchRow($"reports: count {Subjects:N0} records into the report data", count, "s", scan, "read the same 4 fields of each", null));

        using var font = ReportFont.Find();
        var small = new ReportCounts("650105");
        records.Take(100).ToList().ForEach(small.Add);
        var smallData = small.ToReportData(asOf, quality);
        CollectionReportPdf.Write(data, font, Stream.Null, created); // warm-up: font loading, JIT
        long pdfBytes = 0;
        var pdf = Seconds(() =>
        {
            using var output = new MemoryStream();
            CollectionReportPdf.Write(data, font, output, created);
            pdfBytes = output.Length;
        });
        var pdfSmall = Seconds(() => CollectionReportPdf.Write(smallData, font, Stream.Null, created));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reports: collection report PDF of {Subjects:N0} subjects' counts: {pdf:0.000} s, {pdfBytes / 1e6:0.000} MB (of 100 subjects: {pdfSmall:0.000} s)"));
        rows.Add(new BenchRow($"reports: collection report PDF, {Subjects:N0} subjects' counts", pdf, "s", pdfSmall, "same report, 100 subjects", 3.0));
        rows.Add(new BenchRow($"reports: collection report PDF size ({Subjects:N0} subjects)", pdfBytes / 1e6, "MB", new FileInfo(font.Path).Length / 1e6, "the font file embedded whole", 0.25));

        var subjects = records.Select(SubjectRow.From).ToList();
        long xlsxBytes = 0, csvBytes = 0;
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var xlsx = Seconds(() =>
        {
            using var output = new MemoryStream();
            SummaryWorkbook.Write(data, subjects, output, created);
            xlsxBytes = output.Length;
        });
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var csv = Seconds(() =>
        {
            var table = new CsvTable().Row([.. SubjectRow.Headings]);
            subjects.ForEach(s => table.Row([.. s.Cells()]));
            csvBytes = table.ToBytes().LongLength;
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  exports: summary XLSX with {Subjects:N0} subject rows: {xlsx:0.000} s, {xlsxBytes / 1e6:0.000} MB, peak working set {Math.Max(before, peak) / 1e6:0} MB (CSV of the same rows: {csv:0.000} s, {csvBytes / 1e6:0.000} MB)"));
        rows.Add(new BenchRow($"exports: summary XLSX, {Subjects:N0} subject rows", xlsx, "s", csv, "the same rows as CSV", null));
        rows.Add(new BenchRow($"exports: summary XLSX size ({Subjects:N0} rows)", xlsxBytes / 1e6, "MB", csvBytes / 1e6, "the same rows as CSV", null));
        return rows;
    }

    private static double Seconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
