using Terminal.Host.Reports.Data;
using Terminal.Host.Reports.Pdf;
using Terminal.Testing;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class CollectionFormPdfTests
{
    private static readonly DateTimeOffset Printed = new(2018, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [TestMethod]
    public void Write_Form_PrintsTheSectionsOfTheSelectedCategoriesWithNamedValues()
    {
        using var font = ReportFont.Find();
        using var pdf = new MemoryStream();
        var result = CollectionFormPdf.Write(SampleRecords.DisabledDischargedSoldier(), font, pdf, Printed);
        var bytes = pdf.ToArray();
        PdfText.Keep(bytes, "collection-form");
        var text = PdfText.Of(bytes);
        foreach (var expected in new[] { "退役军人和其他优抚对象信息采集表", "基础身份信息", "张建国", "汉族", "1965年3月12日", "（2）退役士兵", "（7）残疾军人",
            "残疾等级", "因公", "南湖北路街道", "南湖北采集点", "采集对象签字", "是否享受国家抚恤和补助", "本人已核对以上信息" })
        {
            StringAssert.Contains(text, expected);
        }
        Assert.DoesNotContain("（1）军队转业干部安置", text, "modules of categories not selected are left out");
        Assert.AreEqual("", result.MissingCharacters);
    }

    [TestMethod]
    public void Write_NameWithACharacterTheFontLacks_ReportsItInTheResult()
    {
        using var font = ReportFont.Find();
        var rare = "\U0002A6A5"; // a CJK Extension B character, outside WenQuanYi Micro Hei
        if (font.MissingCharacters(rare).Length == 0)
        {
            Assert.Fail($"the font {font.Path} has U+2A6A5, so it cannot show a missing character: this test needs fonts-wqy-microhei (./test installs it) as the report font");
        }
        using var pdf = new MemoryStream();
        var result = CollectionFormPdf.Write(SampleRecords.DisabledDischargedSoldier().With("identity.name", "张" + rare), font, pdf, Printed);
        Assert.AreEqual(rare, result.MissingCharacters);
        StringAssert.Contains(result.Warning!, "显示为空白");
    }

    [TestMethod]
    public void Write_WithPhotoAndSignature_EmbedsBothImages()
    {
        using var font = ReportFont.Find();
        using var pdf = new MemoryStream();
        CollectionFormPdf.Write(SampleRecords.DisabledDischargedSoldier(), font, pdf, Printed, new FormImages(Image(SkiaSharp.SKEncodedImageFormat.Jpeg, 358, 441), Image(SkiaSharp.SKEncodedImageFormat.Png, 600, 240)));
        var bytes = pdf.ToArray();
        PdfText.Keep(bytes, "collection-form-images");
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.AreEqual(2, document.GetPages().Sum(p => p.GetImages().Count()), "the photo and the signature are in the PDF");
    }

    [TestMethod]
    public void HonourPlaqueList_TwoSubjectsAtOneAddress_AreOneHouseholdOnTheirStreetsPage()
    {
        var a = ReportSamples.Subject(0).With("identity.address", "新疆乌鲁木齐市水磨沟区南湖北路１２３号");
        var b = ReportSamples.Subject(5).With("identity.address", "新疆乌鲁木齐市水磨沟区 南湖北路123号").With("personal.street", a.Text("personal.street"));
        var c = ReportSamples.Subject(1);
        var streets = HonourPlaqueList.Of([a, b, c]);
        var first = streets.Single(s => s.StreetCode == a.Text("personal.street"));
        Assert.HasCount(1, first.Households, "full-width digits and spaces do not make a second household");
        Assert.HasCount(2, first.Households[0].Members);

        using var font = ReportFont.Find();
        using var pdf = new MemoryStream();
        var result = HonourPlaqueListPdf.Write("新疆维吾尔自治区乌鲁木齐市水磨沟区", streets, font, pdf, Printed);
        var bytes = pdf.ToArray();
        PdfText.Keep(bytes, "honour-plaques");
        Assert.AreEqual(streets.Count, result.Pages, "each street starts its own page");
        var text = PdfText.Of(bytes);
        StringAssert.Contains(text, "为退役军人和其他优抚对象家庭悬挂光荣牌作准备");
        StringAssert.Contains(text, $"{first.StreetName}（{first.StreetCode}）　共1户、2人");
        StringAssert.Contains(text, "王芳：退役士兵、残疾军人");
    }

    private static byte[] Image(SkiaSharp.SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            using var paint = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.DarkBlue, StrokeWidth = 6 };
            canvas.DrawLine(10, height - 10, width - 10, 10, paint);
        }
        using var data = bitmap.Encode(format, 85);
        return data.ToArray();
    }
}
