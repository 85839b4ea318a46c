using System.Text;
using Terminal.Host.Reports.Data;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>The 报表 page: the district's downloads, and the honour-plaque list of a street.</summary>
internal static class ReportsPage
{
    /// <summary>The page, with the district's street codes (in collection point order) for the plaque list; city package only for reviewers.</summary>
    public static string Body(IReadOnlyList<string> streets, bool mayExportCityPackage, long subjects)
    {
        var html = new StringBuilder();
        html.Append("<p>以下文件按每位对象的最新一版记录生成，现有 <strong id=\"subjects\">").Append(N(subjects))
            .Append("</strong> 条记录。每次下载都记入操作记录（谁、导出了什么、涉及多少人）。</p>");
        html.Append("<table id=\"downloads\"><tr><th>文件</th><th>内容</th><th>下载</th></tr>")
            .Append("<tr><td>区信息采集报告（PDF）</td><td>按对象类别、街道、采集点、民族、年龄段、诉求方面的人数统计表和图，以及数据质量情况；不含个人信息</td>")
            .Append("<td><a id=\"report-pdf\" href=\"/reports/district.pdf\">下载报告</a></td></tr>")
            .Append("<tr><td>汇总数据（Excel）</td><td>各统计表（国家代码表）和每位对象一行的明细</td>")
            .Append("<td><a id=\"summary-xlsx\" href=\"/reports/summary.xlsx\">下载汇总数据</a></td></tr>");
        if (mayExportCityPackage)
        {
            html.Append("<tr><td>报市数据包（ZIP）</td><td>报告、汇总数据、各统计表（CSV）和清单（含每个文件的 SHA-256 校验值），供报送市级</td>")
                .Append("<td><a id=\"city-package\" href=\"/reports/city-package.zip\">下载数据包</a></td></tr>");
        }
        html.Append("</table>");
        html.Append("<h2>光荣牌悬挂名单</h2><form method=\"get\" action=\"/reports/plaques.pdf\"><label>街道 <select name=\"street\" id=\"plaque-street\">")
            .Append("<option value=\"\">全区（所有街道）</option>");
        foreach (var street in streets)
        {
            html.Append("<option value=\"").Append(E(street)).Append("\">").Append(E(HonourPlaqueList.StreetName(street))).Append("</option>");
        }
        html.Append("</select></label> <button id=\"plaque-download\">下载名单</button></form>");
        html.Append("<h2>个人采集表</h2><p>每位对象的采集表（供签字和归档）在其记录页下载：请从<a href=\"/search\">查询</a>找到此人，点“下载采集表”。</p>");
        return html.ToString();
    }
}
