using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Serialization;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// The record page's 补正 section: each version's correction items (what was asked, where it stands, the version
/// that answered it, linked), and the second copies of a version kept beside the first for the reviewer.
/// </summary>
internal static class CorrectionsOfRecord
{
    public static void Section(StringBuilder html, Guid recordId, IReadOnlyList<CorrectionEntry> items, IReadOnlyList<RecordVersionCopy> copies)
    {
        if (items.Count == 0 && copies.Count == 0)
        {
            return;
        }
        var id = recordId.ToString("D");
        html.Append("<h2>补正事项</h2><table id=\"record-corrections\"><tr><th>审核的版本</th><th>类别</th><th>涉及项目</th><th>审核说明</th><th>状态</th><th>进展</th></tr>");
        foreach (var item in items)
        {
            html.Append("<tr><td><a href=\"/records/").Append(id).Append("?version=").Append(item.Version).Append("\">第 ").Append(item.Version).Append(" 版</a></td><td>")
                .Append(E(QualityPage.Name(item.Kind))).Append("</td><td>").Append(E(item.Fields.Count == 0 ? "—" : string.Join("、", item.Fields))).Append("</td><td>")
                .Append(E(item.Note)).Append("</td><td>").Append(E(CorrectionsPage.Name(item.State))).Append("</td><td>").Append(CorrectionsPage.Progress(item)).Append("</td></tr>");
        }
        html.Append("</table>");
        if (copies.Count == 0)
        {
            return;
        }
        html.Append("<p class=\"warn\">以下版本另收到一份（两台终端分别补正了同一事项，或同一终端重复定稿）：两份都已保存，上表“版本记录”中的是先收到的一份。请核实哪一份正确。</p>")
            .Append("<table id=\"version-copies\"><tr><th>版本</th><th>终端</th><th>序号</th><th>入库时间</th><th>姓名</th><th>内容摘要</th></tr>");
        foreach (var copy in copies)
        {
            var name = RecordSerializer.Deserialize(copy.Canonical).Text("identity.name");
            html.Append("<tr><td>第 ").Append(copy.Version).Append(" 版</td><td>").Append(E(copy.TerminalId)).Append("</td><td class=\"n\">").Append(copy.Sequence).Append("</td><td>")
                .Append(Time(copy.ReceivedAt)).Append("</td><td>").Append(E(name ?? "（无姓名）")).Append("</td><td><code>").Append(E(copy.ContentSha256[..16])).Append("…</code></td></tr>");
        }
        html.Append("</table>");
    }
}
