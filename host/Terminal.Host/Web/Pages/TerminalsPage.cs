using System.Text;
using Terminal.Host.Storage.Model;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// Per terminal: last docked, records received, the outbox sequence numbers never received ("不漏一人"), and the
/// packages a docking quarantined (with the link to them).
/// </summary>
internal static class TerminalsPage
{
    public const int GapsShown = 30;

    public static string Body(IReadOnlyList<TerminalProgressRow> terminals, IReadOnlyDictionary<string, IReadOnlyList<long>> gaps, IReadOnlyDictionary<string, int> quarantined)
    {
        var html = new StringBuilder("<table id=\"terminals\"><tr><th>终端</th><th>采集点</th><th>最近对接</th><th>记录</th><th>版本</th><th>最大序号</th><th>缺失序号</th><th>隔离的数据包</th></tr>");
        foreach (var t in terminals)
        {
            var missing = gaps.GetValueOrDefault(t.TerminalId, []);
            html.Append("<tr data-terminal=\"").Append(E(t.TerminalId)).Append("\"><td>").Append(E(t.TerminalId)).Append("</td><td>").Append(E(t.CollectionPointCode))
                .Append("</td><td>").Append(t.LastDockedAt is null ? "从未对接" : Time(t.LastDockedAt)).Append("</td><td class=\"n\">").Append(N(t.Records))
                .Append("</td><td class=\"n\">").Append(N(t.Versions)).Append("</td><td class=\"n\">").Append(N(t.HighestSequence)).Append("</td><td class=\"gaps\">");
            if (missing.Count == 0)
            {
                html.Append("<span class=\"ok\">无</span>");
            }
            else
            {
                html.Append("<span class=\"bad\">").Append(N(missing.Count)).Append(" 条：").Append(E(string.Join("、", missing.Take(GapsShown))))
                    .Append(missing.Count > GapsShown ? "……" : "").Append("</span>（请再次对接该终端；仍缺失时请技术人员检查终端）");
            }
            html.Append("</td><td class=\"quarantined\">");
            var held = quarantined.GetValueOrDefault(t.TerminalId);
            html.Append(held == 0 ? "<span class=\"ok\">无</span>"
                : $"<a class=\"bad\" href=\"/terminals/{E(Uri.EscapeDataString(t.TerminalId))}/quarantine\">{N(held)} 个（查看）</a>");
            html.Append("</td></tr>");
        }
        return html.Append("</table>").ToString();
    }
}
