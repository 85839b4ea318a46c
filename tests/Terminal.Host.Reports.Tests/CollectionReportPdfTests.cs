using Terminal.Host.Reports.Pdf;
using UglyToad.PdfPig;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class CollectionReportPdfTests
{
    [TestMethod]
    public void Write_Report_HoldsChineseTextInAnEmbeddedSubsetFont()
    {
        using var font = Environment.GetEnvironmentVariable("PROBE_FONT") is { } pf ? ReportFont.Load(pf, 0) : ReportFont.Find();
        var data = ReportSamples.Data(200);
        using var pdf = new MemoryStream();
        CollectionReportPdf.Write(data, font, pdf, new DateTimeOffset(2018, 12, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        File.WriteAllBytes(Path.Combine(ReportSamples.OutputFolder(), "collection-report.pdf"), pdf.ToArray());

        using var document = PdfDocument.Open(pdf.ToArray());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        StringAssert.Contains(text, "退役军人和其他优抚对象信息采集报告");
        StringAssert.Contains(text, "按对象类别");
        StringAssert.Contains(text, "维吾尔族");
        StringAssert.Contains(text, "六道湾街道");
    }
}
