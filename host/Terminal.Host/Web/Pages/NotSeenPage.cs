using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>The people of the initial data not yet collected, for home visits (入户采集), by point and street.</summary>
internal static class NotSeenPage
{
    public const int Limit = 2000;

    public static string Body(IReadOnlyList<CollectionPoint> points, string? point, IReadOnlyList<RosterEntry> people)
    {
        var html = new StringBuilder("<form method=\"get\" action=\"/not-seen\"><label>采集点 <select name=\"point\" id=\"point\"><option value=\"\">全部</option>");
        foreach (var p in points)
        {
            html.Append("<option value=\"").Append(E(p.Code)).Append('"').Append(p.Code == point ? " selected" : "").Append('>').Append(E(p.Name)).Append("</option>");
        }
        html.Append("</select></label> <button>显示</button></form><p id=\"not-seen-count\">未采集 ").Append(N(people.Count)).Append(" 人")
            .Append(people.Count >= Limit ? $"（只列出前 {N(Limit)} 人，请按采集点查看）" : "").Append("</p><table id=\"not-seen\"><tr><th>姓名</th><th>身份证号码</th><th>片区/街道</th><th>采集点</th></tr>");
        var names = points.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        foreach (var e in people)
        {
            var street = AdministrativeDivisions.TryGetArea(e.Street, out var area) ? area.Name : e.Street;
            html.Append("<tr><td>").Append(E(e.Name)).Append("</td><td>").Append(E(e.IdNumber)).Append("</td><td>").Append(E(street)).Append("</td><td>")
                .Append(E(names.GetValueOrDefault(e.CollectionPointCode, e.CollectionPointCode))).Append("</td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
