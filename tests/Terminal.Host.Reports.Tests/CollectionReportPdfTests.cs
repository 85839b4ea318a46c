using Terminal.Host.Reports.Pdf;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class CollectionReportPdfTests
{
    private static readonly DateTimeOffset Printed = new(2018, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [TestMethod]
    public void Write_Report_HoldsChineseTextInAnEmbeddedSubsetFont()
    {
        using var font = ReportFont.Find();
        using var pdf = new MemoryStream();
        var result = CollectionReportPdf.Write(ReportSamples.Data(200), font, pdf, Printed);
        var bytes = pdf.ToArray();
        PdfText.Keep(bytes, "collection-report");

        var text = PdfText.Of(bytes);
        foreach (var expected in new[] { "新疆维吾尔自治区乌鲁木齐市水磨沟区", "退役军人和其他优抚对象信息采集报告", "一、总体情况", "二、数据质量",
            "问题数据（未关闭）", "（一）按对象类别", "军队转业干部", "（二）按街道", "六道湾街道", "（四）按民族", "维吾尔族", "哈萨克族",
            "（五）按年龄段", "60–69岁", "（六）按诉求方面", "住房", "本区共采集退役军人和其他优抚对象200人" })
        {
            StringAssert.Contains(text, expected);
        }
        Assert.AreEqual("", result.MissingCharacters, "every character of the report has a glyph in the font");
        Assert.AreEqual(result.Pages, PdfText.Pages(bytes));
        var (lengths, names) = PdfText.Fonts(bytes);
        Assert.HasCount(1, lengths, "one embedded font program");
        Assert.IsLessThan(new FileInfo(font.Path).Length / 4, lengths[0], $"the embedded font ({lengths[0]:N0} bytes) is a subset of the file ({new FileInfo(font.Path).Length:N0} bytes)");
        Assert.IsTrue(names.All(n => n.Length > 7 && n[6] == '+'), $"subset fonts are named with a tag: {string.Join(", ", names)}");
        Assert.IsLessThan(300_000, bytes.Length, $"the report of 200 subjects is {bytes.Length:N0} bytes");
    }

    [TestMethod]
    public void Write_Report_DrawsOneBarPerNonZeroCount()
    {
        using var font = ReportFont.Find();
        var data = ReportSamples.Data(40);
        using var pdf = new MemoryStream();
        CollectionReportPdf.Write(data, font, pdf, Printed);
        // the bars are filled rectangles in the chart colour: PDF content streams set it as "r g b rg" before "re f"
        var bars = BarCount(pdf.ToArray());
        var expected = data.Tables().Sum(t => t.Rows.Count(r => r.Count > 0));
        Assert.AreEqual(expected, bars, "one bar per non-zero count row of the six tables");
    }

    [TestMethod]
    public void Find_FileNamedInSettingsMissing_SaysSoInChinese()
    {
        var e = Assert.ThrowsExactly<ReportFontException>(() => ReportFont.Find("/nonexistent/font.ttc"));
        StringAssert.Contains(e.Message, "字体文件");
        StringAssert.Contains(e.Message, "不存在");
    }

    [TestMethod]
    public void Load_FontWithoutChinese_IsRefusedNamingTheCharacters()
    {
        var dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if (!File.Exists(dejavu))
        {
            Assert.Fail($"{dejavu} is missing: install the Debian package fonts-dejavu-core (./test installs it), the Latin-only font this test needs");
        }
        var e = Assert.ThrowsExactly<ReportFontException>(() => ReportFont.Load(dejavu, 0));
        StringAssert.Contains(e.Message, "缺少这些字");
    }

    private static int BarCount(byte[] pdf)
    {
        var count = 0;
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            count += page.Paths.Count(p => p.IsFilled && p.FillColor?.ToRGBValues() is var (r, g, b) && Math.Abs(r - 0x2F / 255.0) < 0.01 && Math.Abs(g - 0x6D / 255.0) < 0.01 && Math.Abs(b - 0xB5 / 255.0) < 0.01);
        }
        return count;
    }
}
