using System.Globalization;
using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// The 补正 page: the correction items by state with their counts, the filters (collection point, street, state),
/// a page of items with each step (sent to which terminal, corrected by which version), and for reviewers the close
/// (an item corrected) and withdraw (an item not yet corrected) actions, each with a note.
/// </summary>
internal static class CorrectionsPage
{
    public const int PageSize = 50;

    /// <summary>The states' Chinese names.</summary>
    public static string Name(CorrectionState state) => state switch
    {
        CorrectionState.Pending => "待发送",
        CorrectionState.Sent => "已下发",
        CorrectionState.Corrected => "已补正",
        CorrectionState.Closed => "已关闭",
        CorrectionState.Withdrawn => "已撤销",
        _ => state.ToString(),
    };

    public static string Body(IReadOnlyList<CollectionPoint> points, CorrectionFilter filter, CorrectionPage page, bool mayReview, string? message, string csrfToken)
    {
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append("<p class=\"ok\" id=\"corrections-message\">").Append(E(message)).Append("</p>");
        }
        html.Append("<p>审核中标记为问题数据或缺失数据的记录，在所属采集点的终端下次对接时下发；采集员与采集对象核对、重新签字后，新版本随对接回到区县，再由审核人员查看并关闭。</p>");
        html.Append("<p id=\"corrections-counts\">");
        foreach (var state in Enum.GetValues<CorrectionState>())
        {
            html.Append("<a class=\"state\" id=\"state-").Append(state).Append("\" href=\"").Append(E(Link(filter with { State = state, Page = 1 }))).Append("\">")
                .Append(E(Name(state))).Append(' ').Append(N(page.Counts.GetValueOrDefault(state))).Append("</a> · ");
        }
        html.Append("<a href=\"").Append(E(Link(filter with { State = null, Page = 1 }))).Append("\">全部</a></p>");
        Filter(html, points, filter);

        var pages = Math.Max(1, (page.Total + filter.PageSize - 1) / filter.PageSize);
        html.Append("<p id=\"corrections-total\">").Append(filter.State is { } s ? E(Name(s)) : "全部").Append(' ').Append(N(page.Total)).Append(" 项，第 ")
            .Append(filter.Page).Append(" / ").Append(pages).Append(" 页");
        if (filter.Page > 1)
        {
            html.Append(" <a id=\"previous-page\" href=\"").Append(E(Link(filter with { Page = filter.Page - 1 }))).Append("\">上一页</a>");
        }
        if (filter.Page < pages)
        {
            html.Append(" <a id=\"next-page\" href=\"").Append(E(Link(filter with { Page = filter.Page + 1 }))).Append("\">下一页</a>");
        }
        html.Append("</p>");
        if (page.Rows.Count == 0)
        {
            return html.Append("<p id=\"corrections-empty\">没有这样的补正事项。</p>").ToString();
        }
        var names = points.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        // short cells stay on one line; the notes and the steps take the width left
        html.Append("<style>#corrections-rows th,#corrections-rows td{white-space:nowrap}#corrections-rows td.note,#corrections-rows td.name{white-space:normal;overflow-wrap:anywhere;max-width:12em}")
            .Append("#corrections-rows td.note{min-width:10em}#corrections-rows td.steps{white-space:normal;min-width:12em}</style>")
            .Append("<table id=\"corrections-rows\"><tr><th>姓名</th><th>采集点</th><th>街道</th><th>版本</th><th>类别</th><th>涉及项目</th><th>审核说明</th>")
            .Append("<th>审核人</th><th>状态</th><th>进展</th>").Append(mayReview ? "<th>操作</th>" : "").Append("</tr>");
        foreach (var item in page.Rows)
        {
            var record = item.RecordId.ToString("D");
            html.Append("<tr data-item=\"").Append(item.ItemId.ToString("D")).Append("\"><td class=\"name\"><a href=\"/records/").Append(record).Append("?version=").Append(item.Version).Append("\">")
                .Append(E(item.Name ?? "（无姓名）")).Append("</a></td><td>").Append(E(names.GetValueOrDefault(item.CollectionPoint, item.CollectionPoint))).Append("</td><td>")
                .Append(E(item.Street is null ? "—" : StreetName(item.Street))).Append("</td><td>第 ").Append(item.Version).Append(" 版</td><td>")
                .Append(E(QualityPage.Name(item.Kind))).Append("</td><td>").Append(E(item.Fields.Count == 0 ? "—" : string.Join("、", item.Fields))).Append("</td><td class=\"note\">")
                .Append(E(item.Note)).Append("</td><td>").Append(E(item.Reviewer)).Append("<br>").Append(Time(item.CreatedAt)).Append("</td><td class=\"state-name\">")
                .Append(E(Name(item.State))).Append("</td><td class=\"steps\">").Append(Progress(item)).Append("</td>");
            if (mayReview)
            {
                html.Append("<td>").Append(Actions(item, csrfToken, Link(filter))).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>Each step the item went through, as text (and a link to the version that corrected it).</summary>
    public static string Progress(CorrectionEntry item)
    {
        var steps = new List<string>();
        if (item.SentAt is { } sent)
        {
            steps.Add($"{Time(sent)} 下发到终端 {E(item.SentTerminal)}");
        }
        if (item.CorrectedVersion is { } version)
        {
            steps.Add($"{Time(item.CorrectedAt)} 收到<a href=\"/records/{item.RecordId:D}?version={version}\">第 {version} 版</a>（终端 {E(item.CorrectedTerminal)}）");
        }
        if (item.DoneAt is { } done)
        {
            steps.Add($"{Time(done)} {E(item.DoneBy)}{(item.State == CorrectionState.Withdrawn ? "撤销" : "关闭")}" + (string.IsNullOrEmpty(item.DoneNote) ? "" : "：" + E(item.DoneNote)));
        }
        return steps.Count == 0 ? "等待所属采集点的终端下次对接" : string.Join("<br>", steps);
    }

    private static string Actions(CorrectionEntry item, string csrfToken, string back)
    {
        var (action, label) = item.State switch
        {
            CorrectionState.Corrected => ("close", "关闭"),
            CorrectionState.Pending or CorrectionState.Sent => ("withdraw", "撤销"),
            _ => ("", ""),
        };
        if (action.Length == 0)
        {
            return "—";
        }
        var id = item.ItemId.ToString("D");
        return new StringBuilder().Append("<form method=\"post\" action=\"/corrections/").Append(id).Append('/').Append(action).Append("\" class=\"").Append(action).Append("\">")
            .Append(CsrfField(csrfToken)).Append("<input type=\"hidden\" name=\"back\" value=\"").Append(E(back)).Append("\">")
            .Append("<input name=\"note\" size=\"10\" maxlength=\"").Append(Storage.DistrictStore.MaxNoteLength).Append("\" placeholder=\"")
            .Append(action == "close" ? "核对结果（必填）" : "撤销原因（必填）").Append("\"> <button id=\"").Append(action).Append('-').Append(id).Append("\">").Append(label).Append("</button></form>")
            .ToString();
    }

    private static void Filter(StringBuilder html, IReadOnlyList<CollectionPoint> points, CorrectionFilter filter)
    {
        html.Append("<form method=\"get\" action=\"/corrections\" id=\"corrections-filter\"><label>采集点 <select name=\"point\" id=\"point\"><option value=\"\">全部</option>");
        foreach (var p in points)
        {
            html.Append("<option value=\"").Append(E(p.Code)).Append('"').Append(p.Code == filter.CollectionPoint ? " selected" : "").Append('>').Append(E(p.Name)).Append("</option>");
        }
        html.Append("</select></label> <label>街道 <select name=\"street\" id=\"street\"><option value=\"\">全部</option>");
        foreach (var street in points.SelectMany(p => p.Streets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            html.Append("<option value=\"").Append(E(street)).Append('"').Append(street == filter.Street ? " selected" : "").Append('>').Append(E(StreetName(street))).Append("</option>");
        }
        html.Append("</select></label> <label>状态 <select name=\"state\" id=\"state\"><option value=\"\">全部</option>");
        foreach (var state in Enum.GetValues<CorrectionState>())
        {
            html.Append("<option value=\"").Append(state).Append('"').Append(state == filter.State ? " selected" : "").Append('>').Append(E(Name(state))).Append("</option>");
        }
        html.Append("</select></label> <button id=\"apply-filter\">筛选</button></form>");
    }

    /// <summary>The page's address with <paramref name="filter"/>.</summary>
    public static string Link(CorrectionFilter filter)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(key + "=" + Q(value));
            }
        }
        Add("point", filter.CollectionPoint);
        Add("street", filter.Street);
        Add("state", filter.State?.ToString());
        Add("page", filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null);
        return "/corrections" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static string StreetName(string code) => AdministrativeDivisions.TryGetArea(code, out var area) ? area.Name : code;
}
