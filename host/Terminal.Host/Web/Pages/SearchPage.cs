using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>The search by ID number (exact) or name (part of it); what was typed is shown back as text.</summary>
internal static class SearchPage
{
    public const int MaxQueryLength = 60;

    public static string Body(string? query, IReadOnlyList<RecordSummary>? results, string? problem, int mergedAway = 0)
    {
        var html = new StringBuilder("<form method=\"get\" action=\"/search\"><label>身份证号码或姓名 <input id=\"q\" name=\"q\" maxlength=\"")
            .Append(MaxQueryLength).Append("\" value=\"").Append(E(query)).Append("\"></label> <button id=\"search\">查询</button></form>");
        if (problem is not null)
        {
            html.Append("<p class=\"bad\" id=\"search-message\">").Append(E(problem)).Append("</p>");
        }
        if (results is null)
        {
            return html.ToString();
        }
        html.Append("<p id=\"result-count\">“").Append(E(query)).Append("”：找到 ").Append(N(results.Count)).Append(" 条")
            .Append(mergedAway == 0 ? "" : $"（另有 {mergedAway} 条重复记录已合并到保留的记录，不再单列：见保留记录的页面）").Append("</p>");
        if (results.Count == 0)
        {
            return html.ToString();
        }
        html.Append("<table id=\"results\"><tr><th>姓名</th><th>身份证号码</th><th>类别</th><th>采集点</th><th>采集日期</th><th>版本</th><th>问题</th></tr>");
        foreach (var r in results)
        {
            html.Append("<tr><td><a href=\"/records/").Append(r.RecordId.ToString("D")).Append("?version=").Append(r.Version).Append("\">").Append(E(r.Name ?? "（无姓名）"))
                .Append("</a></td><td>").Append(E(r.IdNumber)).Append("</td><td>").Append(E(string.Join("、", r.Categories.Members().Select(CategoryNames.Label))))
                .Append("</td><td>").Append(E(r.CollectionPoint)).Append("</td><td>").Append(r.CollectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Append("</td><td class=\"n\">").Append(r.Version).Append("</td><td>")
                .Append(r.Flags.Count == 0 ? "" : "<span class=\"bad\">" + E(string.Join("、", r.Flags.Select(FlagNames.Name))) + "</span>").Append("</td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
