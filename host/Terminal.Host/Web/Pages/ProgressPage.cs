using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// Progress (seed 000: "对辖区内参加定点采集及终端采集人数要及时掌握"): per collection point and per street (片区/街道),
/// the people expected from the initial data against the distinct subjects collected. Counts only: no personal data.
/// </summary>
internal static class ProgressPage
{
    public static string Body(IReadOnlyList<ProgressRow> points, IReadOnlyList<StreetProgressRow> streets, DistrictCounts counts)
    {
        var html = new StringBuilder();
        long expected = points.Sum(p => p.Expected), collected = points.Sum(p => p.Collected), notOnRoster = points.Sum(p => p.NotOnRoster);
        html.Append("<p id=\"summary\">全区应采 <strong>").Append(N(expected)).Append("</strong> 人，已采 <strong>").Append(N(collected))
            .Append("</strong> 人（").Append(Percent(collected, expected)).Append("）；名单外新增 ").Append(N(notOnRoster)).Append(" 人；已入库记录 ").Append(N(counts.Records)).Append(" 条，来自 ")
            .Append(N(counts.Terminals)).Append(" 台终端。</p>");
        if (expected == 0)
        {
            html.Append("<p class=\"warn\">尚未导入初始数据，应采人数为 0：请在区县主机上运行 <code>terminal-host roster import --file 初始数据.csv</code>。</p>");
        }
        html.Append("<h2>各采集点</h2><table id=\"points\"><tr><th>采集点</th><th>应采</th><th>已采</th><th>完成</th><th title=\"初始数据中没有的被采集人：请核实身份证号码或补入初始数据\">名单外新增</th><th>未采集</th></tr>");
        foreach (var p in points)
        {
            html.Append("<tr data-point=\"").Append(E(p.CollectionPointCode)).Append("\"><td>").Append(E(p.Name)).Append("</td><td class=\"n\">").Append(N(p.Expected))
                .Append("</td><td class=\"n\">").Append(N(p.Collected)).Append("</td><td class=\"n\">").Append(Percent(p.Collected, p.Expected))
                .Append("</td><td class=\"n\">").Append(N(p.NotOnRoster)).Append("</td><td><a href=\"/not-seen?point=").Append(E(Q(p.CollectionPointCode))).Append("\">名单</a></td></tr>");
        }
        html.Append("</table><h2>各片区、街道</h2><table id=\"streets\"><tr><th>片区/街道</th><th>采集点</th><th>应采</th><th>已采</th><th>完成</th></tr>");
        var pointNames = points.ToDictionary(p => p.CollectionPointCode, p => p.Name, StringComparer.Ordinal);
        foreach (var s in streets)
        {
            var name = AdministrativeDivisions.TryGetArea(s.Street, out var area) ? area.Name : s.Street;
            html.Append("<tr data-street=\"").Append(E(s.Street)).Append("\"><td>").Append(E(name)).Append("</td><td>").Append(E(pointNames.GetValueOrDefault(s.CollectionPointCode, s.CollectionPointCode)))
                .Append("</td><td class=\"n\">").Append(N(s.Expected)).Append("</td><td class=\"n\">").Append(N(s.Collected)).Append("</td><td class=\"n\">")
                .Append(Percent(s.Collected, s.Expected)).Append("</td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
