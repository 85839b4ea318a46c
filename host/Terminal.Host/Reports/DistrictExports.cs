using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Terminal.Host.Configuration;
using Terminal.Host.Reports.Data;
using Terminal.Host.Reports.Exports;
using Terminal.Host.Reports.Pdf;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Records.Model;

namespace Terminal.Host.Reports;

/// <summary>A file made for download: its name, type, bytes, how many people it covers, and a warning to show.</summary>
internal sealed record ExportFile(string FileName, string ContentType, byte[] Bytes, long People, string? Warning)
{
    /// <summary>The SHA-256 of the bytes, for the audit.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

/// <summary>
/// The district's exports (issue 10) made from the district database: the current version of every record counted
/// and listed by the reports library, the quality figures from the open flags. Times print in Beijing time.
/// </summary>
internal sealed class DistrictExports(IDistrictReportStore reports, IDistrictStore store, ICrossCheckStore checks, ICorrectionStore corrections, IOptions<DistrictOptions> district,
    ReportFontHolder fonts)
{
    private const string Pdf = "application/pdf";

    private static DateTimeOffset Now() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    /// <summary>The district's counts (and each subject's row when <paramref name="withSubjects"/>), read in one pass.</summary>
    public async Task<(CollectionReportData Data, IReadOnlyList<SubjectRow> Subjects)> CountAsync(bool withSubjects, CancellationToken cancellationToken)
    {
        var counts = new ReportCounts(district.Value.Code);
        var subjects = new List<SubjectRow>();
        await foreach (var record in reports.CurrentRecordsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            counts.Add(record);
            if (withSubjects)
            {
                subjects.Add(SubjectRow.From(record));
            }
        }
        var flags = await reports.FlagFiguresAsync(cancellationToken).ConfigureAwait(false);
        var correction = await corrections.CorrectionFiguresAsync(cancellationToken).ConfigureAwait(false);
        var quality = Quality(flags) with
        {
            CrossCheckOpen = await checks.OpenReviewItemsAsync(cancellationToken).ConfigureAwait(false),
            CorrectionsOpen = correction.Open,
            CorrectionsClosed = correction.Closed,
        };
        return (counts.ToReportData(DateOnly.FromDateTime(Now().DateTime), quality), subjects);
    }

    /// <summary>
    /// The quality figures this database holds: received records and the records per kind of open ingest flag.
    /// Accepted, problem and missing data are the reviewers' decisions of the quality queues: they print 0 until those
    /// are counted here. The corrections (open and closed items) are counted from their table by the caller.
    /// </summary>
    private static QualityFigures Quality(FlagFigures flags) => new()
    {
        RecordsReceived = flags.RecordsReceived,
        RuleViolations = flags.RuleViolations,
        SuspectedDuplicates = flags.SuspectedDuplicates,
        PhotoProblems = flags.PhotoProblems,
        SignatureMismatches = flags.SignatureMismatches,
    };

    /// <summary>The district collection report (PDF).</summary>
    public async Task<ExportFile> ReportPdfAsync(CancellationToken cancellationToken)
    {
        var (data, _) = await CountAsync(false, cancellationToken).ConfigureAwait(false);
        var (bytes, warning) = await WritePdfAsync((font, s) => CollectionReportPdf.Write(data, font, s, Now()), cancellationToken).ConfigureAwait(false);
        return new ExportFile($"{data.DistrictName}信息采集报告_{data.AsOf:yyyyMMdd}.pdf", Pdf, bytes, data.Subjects, warning);
    }

    /// <summary>The summary data with every subject's row (XLSX).</summary>
    public async Task<ExportFile> SummaryXlsxAsync(CancellationToken cancellationToken)
    {
        var (data, subjects) = await CountAsync(true, cancellationToken).ConfigureAwait(false);
        using var output = new MemoryStream();
        SummaryWorkbook.Write(data, subjects, output, Now());
        return new ExportFile($"{data.DistrictName}汇总数据_{data.AsOf:yyyyMMdd}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", output.ToArray(), data.Subjects, null);
    }

    /// <summary>The package for the city's upload (zip with the report, the summary, the tables, a manifest and checksums).</summary>
    public async Task<ExportFile> CityPackageAsync(string exportedBy, CancellationToken cancellationToken)
    {
        var (data, subjects) = await CountAsync(true, cancellationToken).ConfigureAwait(false);
        var now = Now();
        using var xlsx = new MemoryStream();
        SummaryWorkbook.Write(data, subjects, xlsx, now);
        var (pdf, warning) = await WritePdfAsync((font, s) => CollectionReportPdf.Write(data, font, s, now), cancellationToken).ConfigureAwait(false);
        using var zip = new MemoryStream();
        CityUploadPackage.Write(data, subjects, xlsx.ToArray(), pdf, exportedBy, now, zip);
        return new ExportFile($"{data.DistrictCode}_报市数据包_{data.AsOf:yyyyMMdd}.zip", "application/zip", zip.ToArray(), data.Subjects, warning);
    }

    /// <summary>A person's collection form (PDF) with the personal photo and signature image this database holds, or null without that record.</summary>
    public async Task<(ExportFile File, Record Record)?> FormPdfAsync(Guid recordId, int? version, CancellationToken cancellationToken)
    {
        var record = await store.RecordAsync(recordId, version, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }
        var photo = record.Photos.FirstOrDefault(p => p.Kind == PhotoKind.PersonalPhoto) is { } p ? await store.PhotoAsync(p.Sha256, cancellationToken).ConfigureAwait(false) : null;
        var signature = await store.SignatureAsync(recordId, record.Version, cancellationToken).ConfigureAwait(false);
        var signatureImage = signature is null ? null : await store.PhotoAsync(signature.ImageSha256, cancellationToken).ConfigureAwait(false);
        var images = new FormImages(photo is not null && Records.Rules.PhotoLimits.IsJpeg(photo) ? photo : null, signatureImage);
        var (bytes, warning) = await WritePdfAsync((font, s) => CollectionFormPdf.Write(record, font, s, Now(), images), cancellationToken).ConfigureAwait(false);
        var name = record.Text("identity.name") ?? "无姓名";
        return (new ExportFile($"采集表_{name}_第{record.Version}版.pdf", Pdf, bytes, 1, warning), record);
    }

    /// <summary>The households for the honour plaques of one street (or of every street when null).</summary>
    public async Task<ExportFile> PlaqueListAsync(string? street, CancellationToken cancellationToken)
    {
        var records = new List<Record>();
        await foreach (var record in reports.CurrentRecordsAsync(street, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }
        var streets = HonourPlaqueList.Of(records);
        var districtName = Records.Codes.AdministrativeDivisions.FullName(district.Value.Code);
        var (bytes, warning) = await WritePdfAsync((font, s) => HonourPlaqueListPdf.Write(districtName, streets, font, s, Now()), cancellationToken).ConfigureAwait(false);
        var what = street is null ? "全区" : HonourPlaqueList.StreetName(street);
        return new ExportFile($"光荣牌悬挂名单_{what}.pdf", Pdf, bytes, records.Count, warning);
    }

    /// <summary>Writes a PDF to memory with the font, alone; its bytes and the library's warning of characters the font lacks.</summary>
    private Task<(byte[] Bytes, string? Warning)> WritePdfAsync(Func<ReportFont, Stream, PdfWriteResult> write, CancellationToken cancellationToken) =>
        fonts.WithFontAsync(font =>
        {
            using var output = new MemoryStream();
            var result = write(font, output);
            return (output.ToArray(), result.Warning);
        }, cancellationToken);
}
