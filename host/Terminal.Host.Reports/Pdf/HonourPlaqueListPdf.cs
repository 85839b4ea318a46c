using SkiaSharp;
using Terminal.Host.Reports.Data;
using Terminal.Records.Categories;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// The honour-plaque household lists (光荣牌悬挂名单) as PDF, one street per page run: each household's address, its
/// subjects with their categories, a phone, and blank columns for the hanging date and the household's signature.
/// </summary>
public static class HonourPlaqueListPdf
{
    /// <summary>Writes the lists of <paramref name="streets"/> (from <see cref="HonourPlaqueList.Of"/>) to <paramref name="output"/>.</summary>
    public static PdfWriteResult Write(string districtName, IReadOnlyList<(string StreetCode, string StreetName, IReadOnlyList<HonourPlaqueHousehold> Households)> streets,
        ReportFont font, Stream output, DateTimeOffset printed)
    {
        ArgumentNullException.ThrowIfNull(streets);
        var title = $"{districtName}退役军人和其他优抚对象家庭光荣牌悬挂名单";
        return PdfPages.Write(output, font, new PdfInfo(title, title, printed, "为退役军人和其他优抚对象家庭悬挂光荣牌作准备"), pages =>
        {
            if (streets.Count == 0)
            {
                pages.NewPage();
                pages.Line(title, 16, align: SKTextAlign.Center, spaceAfter: 10);
                pages.Paragraph("没有采集记录：名单为空。", 11);
            }
            foreach (var (code, name, households) in streets)
            {
                pages.NewPage();
                pages.Line(districtName, 15, align: SKTextAlign.Center, spaceAfter: 0);
                pages.Line("退役军人和其他优抚对象家庭光荣牌悬挂名单", 15, align: SKTextAlign.Center, spaceAfter: 4);
                pages.Line("为退役军人和其他优抚对象家庭悬挂光荣牌作准备", 9, new SKColor(0x44, 0x44, 0x44), align: SKTextAlign.Center, spaceAfter: 10);
                pages.Line($"{name}{(code.Length == 0 ? "" : $"（{code}）")}　共 {households.Count} 户、{households.Sum(h => h.Members.Count)} 人", 12, spaceAfter: 6);
                var table = new PdfTable(pages, [new("序号", 0.6f, SKTextAlign.Right), new("住址", 3f), new("家庭成员及对象类别", 3.4f), new("联系电话", 1.5f), new("悬挂日期", 1.2f), new("户主签收", 1.2f)], 8.5f);
                var n = 0;
                foreach (var household in households)
                {
                    table.Row((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), household.Address,
                        string.Join("\n", household.Members.Select(m => $"{m.Name}：{string.Join("、", m.Categories.Members().Select(CategoryNames.Name))}")),
                        string.Join("\n", household.Members.Select(m => m.Phone).Where(p => p is not null).Distinct()), "", "");
                }
                table.End();
                pages.Line($"街道（盖章）：＿＿＿＿＿＿＿＿　　经办人：＿＿＿＿＿＿　　打印于 {printed:yyyy年M月d日}", 9);
            }
        });
    }
}
