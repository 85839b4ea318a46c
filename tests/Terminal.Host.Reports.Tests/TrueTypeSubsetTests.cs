using SkiaSharp;
using Terminal.Host.Reports.Pdf;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class TrueTypeSubsetTests
{
    [TestMethod]
    public void SubsetFor_UsedText_KeepsThoseOutlinesAndMetricsAndEmptiesTheRest()
    {
        using var font = ReportFont.Find();
        using var cut = font.SubsetFor("退役军人A1");
        using var whole = new SKFont(font.Typeface, 20);
        using var part = new SKFont(cut, 20);
        foreach (var kept in new[] { "退", "役", "军", "人", "A", "1" })
        {
            using var path = part.GetGlyphPath(part.GetGlyphs(kept)[0]);
            Assert.IsFalse(path.IsEmpty, $"“{kept}” keeps its outline");
            Assert.AreEqual(whole.MeasureText(kept), part.MeasureText(kept), 0.001f, $"“{kept}” keeps its advance");
        }
        using var dropped = part.GetGlyphPath(part.GetGlyphs("国")[0]);
        Assert.IsTrue(dropped.IsEmpty, "a character not used has no outline in the subset");
        Assert.AreEqual(whole.GetGlyphs("国")[0], part.GetGlyphs("国")[0], "glyph ids are unchanged");
    }

    [TestMethod]
    public void Subset_NotAFont_IsRefused() =>
        Assert.ThrowsExactly<FormatException>(() => TrueTypeSubset.Subset(new byte[64], 0, [1, 2]));
}
