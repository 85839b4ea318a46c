using System.Text;
using Terminal.Host.Storage.Model;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>The office audit (administrators): who viewed personal data or changed anything, newest first.</summary>
internal static class AuditPage
{
    public const int Limit = 500;

    public static string Body(IReadOnlyList<OfficeAuditEntry> entries)
    {
        var html = new StringBuilder($"<p>最近 {Limit} 条。</p><table id=\"office-audit\"><tr><th>时间</th><th>人员</th><th>操作</th><th>对象</th><th>说明</th></tr>");
        foreach (var a in entries)
        {
            html.Append("<tr><td>").Append(Time(a.At)).Append("</td><td>").Append(E(a.UserName)).Append("</td><td>").Append(E(a.Action)).Append("</td><td>")
                .Append(E(a.Subject)).Append("</td><td>").Append(E(a.Detail)).Append("</td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
