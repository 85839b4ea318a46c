using System.Text;
using Terminal.Host.Storage.Model;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// 挂失或异常证件名单: the ID numbers the office flags, with the reason, who added each and how many records carry it;
/// adding one flags its records (the 证件过期或挂失 queue), removing one resolves those flags.
/// </summary>
internal static class CardListPage
{
    public const int MaxIdNumberLength = 18;

    public static string Body(IReadOnlyList<FlaggedCard> cards, string? message, string? problem, string csrfToken)
    {
        var html = new StringBuilder("<p>名单上的身份证号码（本人或公安机关报告挂失、冒用等）所采集的记录，会在入库时和列入名单时标为“证件已挂失或异常”，")
            .Append("进入审核页面的“证件过期或挂失”队列，由审核员核实采集时出示的是否本人有效证件。移出名单时，这些标记记为已由您核实。</p>");
        if (message is not null)
        {
            html.Append("<p class=\"ok\" id=\"cards-message\">").Append(E(message)).Append("</p>");
        }
        if (problem is not null)
        {
            html.Append("<p class=\"bad\" id=\"cards-problem\">").Append(E(problem)).Append("</p>");
        }
        html.Append("<form method=\"post\" action=\"/cards\" id=\"card-add\" class=\"box\">").Append(CsrfField(csrfToken))
            .Append("<p><label>身份证号码 <input name=\"idNumber\" id=\"card-id\" maxlength=\"").Append(MaxIdNumberLength).Append("\" size=\"20\"></label></p>")
            .Append("<p><label>原因（必填，最多 ").Append(Storage.DistrictStore.MaxCardReasonLength).Append(" 字）<br><input name=\"reason\" id=\"card-reason\" size=\"60\" maxlength=\"")
            .Append(Storage.DistrictStore.MaxCardReasonLength).Append("\"></label></p><button id=\"card-flag\">列入名单</button></form>");
        if (cards.Count == 0)
        {
            return html.Append("<p id=\"cards-empty\">名单为空。</p>").ToString();
        }
        html.Append("<table id=\"cards\"><tr><th>身份证号码</th><th>原因</th><th>列入人</th><th>列入时间</th><th>有关记录</th><th></th></tr>");
        foreach (var c in cards)
        {
            html.Append("<tr data-card=\"").Append(E(c.IdNumber)).Append("\"><td><a href=\"/search?q=").Append(E(Q(c.IdNumber))).Append("\">").Append(E(c.IdNumber)).Append("</a></td><td>")
                .Append(E(c.Reason)).Append("</td><td>").Append(E(c.FlaggedBy)).Append("</td><td>").Append(Time(c.FlaggedAt)).Append("</td><td class=\"n\">").Append(N(c.Records))
                .Append("</td><td><form method=\"post\" action=\"/cards/remove\">").Append(CsrfField(csrfToken)).Append("<input type=\"hidden\" name=\"idNumber\" value=\"").Append(E(c.IdNumber))
                .Append("\"><button class=\"card-remove\">移出名单</button></form></td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
