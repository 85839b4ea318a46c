using System.Globalization;
using SkiaSharp;
using Terminal.Host.Reports.Data;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// The district collection report (区信息采集报告, seed 000: "形成区信息采集报告和汇总数据…报…区人民政府审核并报送至市")
/// as PDF: the overall figures, the quality figures, then one section per count table (by category, street,
/// collection point, ethnic group, age band, appeal topic), each a bar chart and a table with shares.
/// </summary>
public static class CollectionReportPdf
{
    private static readonly string[] SectionNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>The report's title for a district.</summary>
    public static string Title(CollectionReportData data) => $"{data.DistrictName}退役军人和其他优抚对象信息采集报告";

    /// <summary>Writes the report to <paramref name="output"/> (left open); <paramref name="created"/> is printed and
    /// stored in the PDF's metadata.</summary>
    public static PdfWriteResult Write(CollectionReportData data, ReportFont font, Stream output, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = Title(data);
        return PdfPages.Write(output, font, new PdfInfo(title, title, created, "区信息采集报告"), pages => Draw(pages, data, created));
    }

    private static void Draw(PdfPages pages, CollectionReportData data, DateTimeOffset created)
    {
        pages.NewPage();
        pages.Space(20);
        pages.Line(data.DistrictName, 20, align: SKTextAlign.Center, spaceAfter: 2);
        pages.Line("退役军人和其他优抚对象信息采集报告", 20, align: SKTextAlign.Center, spaceAfter: 10);
        pages.Line($"统计截至 {Date(data.AsOf)}　·　采集标准时点 {Date(data.ReferenceDate)}　·　编制于 {created:yyyy年M月d日 HH:mm}",
            9, new SKColor(0x44, 0x44, 0x44), align: SKTextAlign.Center, spaceAfter: 18);

        var n = 0;
        Heading(pages, n++, "总体情况");
        var largest = data.ByCategory.OrderByDescending(r => r.Count).FirstOrDefault(r => r.Count > 0);
        pages.Paragraph(
            $"截至{Date(data.AsOf)}，本区共采集退役军人和其他优抚对象 {Count(data.Subjects)} 人" +
            (largest is null ? "。" : $"，人数最多的类别为“{largest.Name}”（{Count(largest.Count)} 人）。") +
            "对象类别可以复选，各类别人数之和可以大于采集总人数。" +
            $"反映了主要诉求的 {Count(data.SubjectsWithAppeals)} 人，占 {Share(data.SubjectsWithAppeals, data.Subjects)}。" +
            $"年龄按截至采集标准时点{Date(data.ReferenceDate)}的周岁计算。", 10.5f);

        Heading(pages, n++, "数据质量");
        var quality = new PdfTable(pages, [new("项目", 3), new("记录数", 1, SKTextAlign.Right), new("占已接收记录", 1, SKTextAlign.Right)]);
        foreach (var (name, count) in data.Quality.Lines())
        {
            quality.Row(name, Count(count), Share(count, data.Quality.RecordsReceived));
        }
        quality.End();

        Heading(pages, n++, "分类统计");
        var sub = 0;
        foreach (var (tableTitle, codeTable, rows) in data.Tables())
        {
            pages.Reserve(60);
            pages.Line($"（{SectionNumbers[sub++]}）{tableTitle}", 11.5f, spaceAfter: 2);
            pages.Line($"代码表：{codeTable}", 8.5f, new SKColor(0x55, 0x55, 0x55), spaceAfter: 2);
            BarChart.Draw(pages, $"{tableTitle}统计（人）", [.. rows.Select(r => (r.Name, r.Count))]);
            var table = new PdfTable(pages, [new("代码", 1.2f), new("名称", 3.5f), new("人数", 1.2f, SKTextAlign.Right), new("占采集总人数", 1.4f, SKTextAlign.Right)]);
            foreach (var row in rows)
            {
                table.Row(row.Code.Length == 0 ? "—" : row.Code, row.Name, Count(row.Count), Share(row.Count, data.Subjects));
            }
            table.TotalRow("", "合计", Count(rows.Sum(r => r.Count)), Share(rows.Sum(r => r.Count), data.Subjects));
            table.End(14);
        }

        pages.Reserve(90);
        pages.Space(10);
        pages.Line("编制单位（盖章）：＿＿＿＿＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", 10, spaceAfter: 8);
        pages.Line("本报告报区人民政府审核后报送至市。", 9, new SKColor(0x44, 0x44, 0x44));
    }

    private static void Heading(PdfPages pages, int number, string text)
    {
        pages.Reserve(40);
        pages.Space(4);
        pages.Line($"{SectionNumbers[number]}、{text}", 14, spaceAfter: 6);
    }

    internal static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    internal static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Share(long part, long whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
