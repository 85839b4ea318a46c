using System.Text;
using Terminal.Host.Storage.Model;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// A terminal's packages in quarantine: what failed verification at docking, kept whole on the host and on the terminal,
/// never committed. An administrator may release one for a new check at the next docking once the cause is fixed.
/// </summary>
internal static class QuarantinePage
{
    public static string Body(string terminalId, IReadOnlyList<QuarantinedPackage> packages, bool mayRelease, string? message, string csrf)
    {
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append("<p class=\"ok\" id=\"quarantine-message\">").Append(E(message)).Append("</p>");
        }
        html.Append("<p>终端 ").Append(E(terminalId)).Append(" 对接时未通过校验的数据包，已隔离保存、未入库，终端上也保留原件，不会丢失。")
            .Append("查明原因并处理后（如升级区县主机程序、恢复正确的区县密钥），管理员可点“重新校验”：下次对接时重新接收并校验，仍不通过会再次隔离。</p>");
        if (packages.Count == 0)
        {
            return html.Append("<p class=\"ok\" id=\"quarantine-empty\">没有隔离的数据包。</p><p><a href=\"/terminals\">返回终端列表</a></p>").ToString();
        }
        html.Append("<table id=\"quarantine\"><tr><th>序号</th><th>数据包</th><th>隔离时间</th><th>原因</th>").Append(mayRelease ? "<th></th>" : "").Append("</tr>");
        foreach (var p in packages)
        {
            html.Append("<tr data-sequence=\"").Append(p.Sequence).Append("\"><td class=\"n\">").Append(N(p.Sequence)).Append("</td><td>").Append(E(p.PackageId))
                .Append("</td><td>").Append(Time(p.QuarantinedAt)).Append("</td><td class=\"bad\">").Append(E(p.Reason)).Append("</td>");
            if (mayRelease)
            {
                html.Append("<td><form method=\"post\" action=\"/terminals/").Append(E(Uri.EscapeDataString(terminalId))).Append("/quarantine/release\">")
                    .Append(CsrfField(csrf))
                    .Append("<input type=\"hidden\" name=\"sequence\" value=\"").Append(p.Sequence).Append("\">")
                    .Append("<input type=\"hidden\" name=\"sha256\" value=\"").Append(E(p.Sha256)).Append("\">")
                    .Append("<button class=\"release\">重新校验</button></form></td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table><p><a href=\"/terminals\">返回终端列表</a></p>").ToString();
    }
}
