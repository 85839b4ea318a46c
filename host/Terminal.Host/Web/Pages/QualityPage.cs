using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// The 审核 page: the quality queues with their counts, the filters (collection point, street, terminal, queue),
/// a page of flagged records, and for reviewers the accept / problem data / missing data actions on the rows ticked.
/// </summary>
internal static class QualityPage
{
    public const int PageSize = 50;

    /// <summary>The queues' Chinese names, in the page's order.</summary>
    public static string Name(QualityCategory category) => category switch
    {
        QualityCategory.RuleViolation => "违反规则",
        QualityCategory.MissingField => "缺项",
        QualityCategory.SuspectedDuplicate => "疑似重复",
        QualityCategory.Photo => "照片超限或无法读取",
        QualityCategory.Signature => "签名与内容不符",
        QualityCategory.Card => "证件过期或挂失",
        _ => category.ToString(),
    };

    /// <summary>What a decision is called on the page and in the audit.</summary>
    public static string Name(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Accepted => "接受",
        ReviewDecision.Problem => "问题数据",
        ReviewDecision.Missing => "缺失数据",
        _ => decision.ToString(),
    };

    public static string Body(IReadOnlyList<CollectionPoint> points, IReadOnlyList<string> terminals, QualityFilter filter, QualityQueuePage queue,
        bool mayReview, string? message, string csrfToken)
    {
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append("<p class=\"ok\" id=\"quality-message\">").Append(E(message)).Append("</p>");
        }
        html.Append("<p id=\"quality-counts\">");
        foreach (var category in Enum.GetValues<QualityCategory>())
        {
            html.Append("<a class=\"queue\" id=\"queue-").Append(category).Append("\" href=\"").Append(E(Link(filter with { Category = category, Page = 1 }))).Append("\">")
                .Append(E(Name(category))).Append(' ').Append(N(queue.Counts.GetValueOrDefault(category))).Append("</a> · ");
        }
        html.Append("<a href=\"").Append(E(Link(filter with { Category = null, Page = 1 }))).Append("\">全部待审核</a></p>");
        if (filter.Category == QualityCategory.Card)
        {
            html.Append("<p class=\"box\" id=\"card-meaning\">“证件过期或挂失”：<strong>证件已过期</strong>，是身份证有效期限截止日期早于采集日期（照常采集，请提醒本人换领）；")
                .Append("<strong>证件已挂失或异常</strong>，是身份证号码在管理员维护的挂失或异常证件名单上（本人或公安机关报告遗失、冒用等），请核实采集时出示的是否本人有效证件。</p>");
        }

        html.Append("<form method=\"get\" action=\"/quality\" id=\"quality-filter\"><label>采集点 <select name=\"point\" id=\"point\"><option value=\"\">全部</option>");
        foreach (var p in points)
        {
            html.Append("<option value=\"").Append(E(p.Code)).Append('"').Append(p.Code == filter.CollectionPoint ? " selected" : "").Append('>').Append(E(p.Name)).Append("</option>");
        }
        html.Append("</select></label> <label>街道 <select name=\"street\" id=\"street\"><option value=\"\">全部</option>");
        foreach (var street in points.SelectMany(p => p.Streets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            html.Append("<option value=\"").Append(E(street)).Append('"').Append(street == filter.Street ? " selected" : "").Append('>').Append(E(StreetName(street))).Append("</option>");
        }
        html.Append("</select></label> <label>终端 <select name=\"terminal\" id=\"terminal\"><option value=\"\">全部</option>");
        foreach (var t in terminals)
        {
            html.Append("<option value=\"").Append(E(t)).Append('"').Append(t == filter.TerminalId ? " selected" : "").Append('>').Append(E(t)).Append("</option>");
        }
        html.Append("</select></label> <label>问题类别 <select name=\"category\" id=\"category\"><option value=\"\">全部</option>");
        foreach (var category in Enum.GetValues<QualityCategory>())
        {
            html.Append("<option value=\"").Append(category).Append('"').Append(category == filter.Category ? " selected" : "").Append('>').Append(E(Name(category))).Append("</option>");
        }
        html.Append("</select></label> <button id=\"apply-filter\">筛选</button></form>");

        var pages = Math.Max(1, (queue.Total + filter.PageSize - 1) / filter.PageSize);
        html.Append("<p id=\"quality-total\">待审核 ").Append(N(queue.Total)).Append(" 条，第 ").Append(filter.Page).Append(" / ").Append(pages).Append(" 页");
        if (filter.Page > 1)
        {
            html.Append(" <a id=\"previous-page\" href=\"").Append(E(Link(filter with { Page = filter.Page - 1 }))).Append("\">上一页</a>");
        }
        if (filter.Page < pages)
        {
            html.Append(" <a id=\"next-page\" href=\"").Append(E(Link(filter with { Page = filter.Page + 1 }))).Append("\">下一页</a>");
        }
        html.Append("</p>");
        if (queue.Rows.Count == 0)
        {
            return html.Append("<p id=\"quality-empty\">没有待审核的记录。</p>").ToString();
        }
        if (mayReview)
        {
            html.Append("<form method=\"post\" action=\"/quality/decide\" id=\"quality-decide\">").Append(CsrfField(csrfToken))
                .Append("<input type=\"hidden\" name=\"back\" value=\"").Append(E(Link(filter))).Append("\">");
        }
        html.Append("<table id=\"quality-rows\"><tr>").Append(mayReview ? "<th><label><input type=\"checkbox\" id=\"select-all\" title=\"全选本页\"> 全选本页</label></th>" : "")
            .Append("<th>姓名</th><th>身份证号码</th><th>采集点</th><th>街道</th><th>终端</th><th>问题类别</th><th>问题</th></tr>");
        var names = points.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        foreach (var r in queue.Rows)
        {
            var id = r.RecordId.ToString("D");
            html.Append("<tr data-record=\"").Append(id).Append("\">");
            if (mayReview)
            {
                html.Append("<td><input type=\"checkbox\" class=\"pick\" name=\"item\" value=\"").Append(id).Append(':').Append(r.Version).Append("\"></td>");
            }
            html.Append("<td><a href=\"/records/").Append(id).Append("?version=").Append(r.Version).Append("\">").Append(E(r.Name ?? "（无姓名）")).Append("</a></td><td>")
                .Append(E(r.IdNumber)).Append("</td><td>").Append(E(names.GetValueOrDefault(r.CollectionPoint, r.CollectionPoint))).Append("</td><td>")
                .Append(E(r.Street is null ? "—" : StreetName(r.Street))).Append("</td><td>").Append(E(r.TerminalId)).Append("</td><td>")
                .Append(E(string.Join("、", r.Categories.Select(Name)))).Append("</td><td class=\"bad\">").Append(E(string.Join("、", r.Codes.Select(FlagNames.Name))))
                .Append(mayReview && r.Categories.Contains(QualityCategory.SuspectedDuplicate) ? $" <a class=\"merge-link\" href=\"/quality/merge?record={id}\">合并…</a>" : "").Append("</td></tr>");
        }
        html.Append("</table>");
        if (mayReview)
        {
            html.Append("<div class=\"box\"><p>对勾选的记录（<span id=\"selected-count\">已选 0 条</span>，本页共 ").Append(queue.Rows.Count).Append(" 条）：</p><p><label>说明（标记问题数据或缺失数据时必填，最多 ").Append(Storage.DistrictStore.MaxNoteLength)
                .Append(" 字）<br><textarea name=\"note\" id=\"note\" rows=\"3\" cols=\"60\" maxlength=\"").Append(Storage.DistrictStore.MaxNoteLength).Append("\"></textarea></label></p>")
                .Append("<p><label>涉及的项目（字段编号，用逗号分开，例如 personal.street）<br><input name=\"fields\" id=\"fields\" size=\"60\" maxlength=\"400\"></label></p>")
                .Append("<button name=\"decision\" value=\"Accepted\" id=\"accept\">接受</button> ")
                .Append("<button name=\"decision\" value=\"Problem\" id=\"mark-problem\">标记为问题数据</button> ")
                .Append("<button name=\"decision\" value=\"Missing\" id=\"mark-missing\">标记为缺失数据</button></div></form>")
                .Append("<script src=\"").Append(SelectionScriptPath).Append("\" defer></script>");
        }
        return html.ToString();
    }

    /// <summary>
    /// The select-all box (ticks or clears every row shown) and the count of rows ticked, served as a file of its own
    /// (the pages' policy runs no inline script). It reads no value of the page into HTML. Without scripts the rows
    /// are ticked one by one as before.
    /// </summary>
    public const string SelectionScript =
        "(function(){var all=document.getElementById('select-all'),count=document.getElementById('selected-count');" +
        "var picks=function(){return Array.prototype.slice.call(document.querySelectorAll('#quality-rows input.pick'));};" +
        "var show=function(){var p=picks(),n=p.filter(function(x){return x.checked;}).length;count.textContent='已选 '+n+' 条';" +
        "all.checked=n>0&&n===p.length;all.indeterminate=n>0&&n<p.length;};" +
        "all.addEventListener('change',function(){picks().forEach(function(x){x.checked=all.checked;});show();});" +
        "picks().forEach(function(x){x.addEventListener('change',show);});show();})();";

    /// <summary>Where <see cref="SelectionScript"/> is served.</summary>
    public const string SelectionScriptPath = "/quality/selection.js";

    /// <summary>The page's address with <paramref name="filter"/>.</summary>
    public static string Link(QualityFilter filter)
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
        Add("terminal", filter.TerminalId);
        Add("category", filter.Category?.ToString());
        Add("page", filter.Page > 1 ? filter.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return "/quality" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static string StreetName(string code) => AdministrativeDivisions.TryGetArea(code, out var area) ? area.Name : code;
}
