using System.Text;
using Terminal.Host.Reports.CrossCheck;
using Terminal.Host.Storage.Model;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>The 比对核查 page: upload another department's list, map its columns (remembered per department), and work the review items.</summary>
internal static class CrossCheckPage
{
    public static string StateName(ReviewState state) => state switch
    {
        ReviewState.Open => "待处理",
        ReviewState.Verified => "已核实",
        ReviewState.Corrected => "已更正",
        _ => state.ToString(),
    };

    public static string KindName(string kind) => Enum.TryParse<ReviewKind>(kind, out var k) ? k switch
    {
        ReviewKind.NotCollected => "名单有、未采集",
        ReviewKind.NotOnList => "已采集、名单无",
        ReviewKind.DifferentCategory => "类别不同",
        ReviewKind.DifferentAddress => "住址不同",
        ReviewKind.DeceasedBeforeReferenceDate => "标准时点前已死亡",
        ReviewKind.DifferentName => "姓名不同",
        ReviewKind.DifferentIdNumber => "身份证号码不同",
        ReviewKind.NameTypo => "姓名疑似录入差错",
        ReviewKind.Ambiguous => "无法确定是哪一位",
        ReviewKind.DifferentSex => "性别不同",
        _ => kind,
    } : kind;

    /// <summary>The upload form (reviewers only), the runs, and the items of <paramref name="state"/>.</summary>
    public static string Body(bool mayWork, string csrf, IReadOnlyList<CrossCheckRun> runs, IReadOnlyList<StoredReviewItem> items, ReviewState? state, Guid? run, string? message)
    {
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append("<p class=\"ok\" id=\"message\">").Append(E(message)).Append("</p>");
        }
        if (mayWork)
        {
            html.Append("<div class=\"box\"><h2>导入其他部门名单</h2><form method=\"post\" action=\"/cross-check/upload\" enctype=\"multipart/form-data\">").Append(CsrfField(csrf))
                .Append("<p><label>部门 ").Append(DepartmentSelect(null)).Append("</label></p>")
                .Append("<p><label>名单文件（CSV 或 Excel .xlsx） <input type=\"file\" name=\"file\" id=\"list-file\" accept=\".csv,.xlsx\"></label></p>")
                .Append("<p><button id=\"upload\">上传并比对</button></p><p>同一部门的列对应关系设置一次后会记住，下次上传同样格式的名单时直接比对。</p></form></div>");
        }
        html.Append("<h2>已导入的名单</h2><table id=\"runs\"><tr><th>导入时间</th><th>部门</th><th>文件</th><th>名单人数</th><th>比对对象</th><th>导入人</th><th></th></tr>");
        foreach (var r in runs)
        {
            html.Append("<tr><td>").Append(Time(r.ImportedAt)).Append("</td><td>").Append(E(DepartmentLabel(r.Department))).Append("</td><td>").Append(E(r.FileName))
                .Append("</td><td class=\"n\">").Append(N(r.ListRows)).Append("</td><td class=\"n\">").Append(N(r.Subjects)).Append("</td><td>").Append(E(r.ImportedBy))
                .Append("</td><td><a href=\"/cross-check?run=").Append(r.RunId.ToString("D")).Append("\">查看问题</a></td></tr>");
        }
        html.Append("</table><h2>核查问题</h2><p id=\"filters\">");
        var runQuery = run is { } id ? "&run=" + id.ToString("D") : "";
        html.Append("<a href=\"/cross-check?state=all").Append(runQuery).Append("\">全部</a>");
        foreach (var s in Enum.GetValues<ReviewState>())
        {
            html.Append(" · <a href=\"/cross-check?state=").Append(s).Append(runQuery).Append("\">").Append(state == s ? "<strong>" : "").Append(StateName(s)).Append(state == s ? "</strong>" : "").Append("</a>");
        }
        html.Append("</p>");
        if (items.Count == 0)
        {
            html.Append("<p id=\"no-items\">没有").Append(state is { } st ? StateName(st) : "").Append("的核查问题。</p>");
            return html.ToString();
        }
        html.Append("<table id=\"items\"><tr><th>部门 / 文件</th><th>名单行</th><th>问题</th><th>说明</th><th>采集记录</th><th>状态</th><th>处理</th></tr>");
        foreach (var i in items)
        {
            html.Append("<tr data-kind=\"").Append(E(i.Kind)).Append("\" data-row=\"").Append(i.ListRow).Append("\"><td>").Append(E(DepartmentLabel(i.Department))).Append("<br>").Append(E(i.FileName))
                .Append("</td><td class=\"n\">").Append(i.ListRow is { } row ? "第 " + row + " 行" : "—").Append("</td><td>").Append(E(KindName(i.Kind))).Append("</td><td>").Append(E(i.Description))
                .Append("</td><td>").Append(i.RecordId is { } rid ? $"<a href=\"/records/{rid:D}\">查看</a>" : "—").Append("</td><td class=\"state\">").Append(StateName(i.State));
            if (i.WorkedBy is not null)
            {
                html.Append("<br>").Append(E(i.WorkedBy)).Append(' ').Append(Time(i.WorkedAt)).Append(i.Note is null ? "" : "<br>备注：" + E(i.Note));
            }
            html.Append("</td><td>");
            if (mayWork)
            {
                html.Append("<form method=\"post\" action=\"/cross-check/items/").Append(i.RunId.ToString("D")).Append('/').Append(i.Position).Append("\">").Append(CsrfField(csrf))
                    .Append("<select name=\"state\">");
                foreach (var s in Enum.GetValues<ReviewState>())
                {
                    html.Append("<option value=\"").Append(s).Append('"').Append(s == i.State ? " selected" : "").Append('>').Append(StateName(s)).Append("</option>");
                }
                html.Append("</select> <input name=\"note\" maxlength=\"500\" placeholder=\"核实情况\" value=\"").Append(E(i.Note)).Append("\"> <button>保存</button></form>");
            }
            html.Append("</td></tr>");
        }
        html.Append("</table>");
        return html.ToString();
    }

    /// <summary>The column mapping step: each field's column chosen from the file's headings; the problems of the last try.</summary>
    public static string MappingForm(string csrf, Department department, string fileName, Guid upload, IReadOnlyList<string> headings,
        IReadOnlyDictionary<ListField, string> chosen, IReadOnlyList<string> problems)
    {
        var html = new StringBuilder();
        if (problems.Count > 0)
        {
            html.Append("<div class=\"box\" id=\"problems\"><p class=\"bad\">名单未导入（一行也没有导入），请改正后重新上传：</p><ul>");
            foreach (var p in problems)
            {
                html.Append("<li>").Append(E(p)).Append("</li>");
            }
            html.Append("</ul></div>");
        }
        html.Append("<p>").Append(E(DepartmentNames.Name(department))).Append("名单“").Append(E(fileName)).Append("”有以下各列。请为每一项选择名单中对应的列（没有的选“无”）；")
            .Append("“姓名”必选，“身份证号码”和“出生日期”至少选一个。设置会按部门记住。</p>")
            .Append("<form method=\"post\" action=\"/cross-check/import\">").Append(CsrfField(csrf))
            .Append("<input type=\"hidden\" name=\"department\" value=\"").Append(department).Append("\"><input type=\"hidden\" name=\"upload\" value=\"").Append(upload.ToString("D"))
            .Append("\"><input type=\"hidden\" name=\"fileName\" value=\"").Append(E(fileName)).Append("\"><table id=\"mapping\"><tr><th>项目</th><th>名单中的列</th></tr>");
        foreach (var field in Enum.GetValues<ListField>())
        {
            html.Append("<tr><td>").Append(E(ListFieldNames.Name(field))).Append("</td><td><select name=\"map_").Append(field).Append("\" id=\"map-").Append(field).Append("\"><option value=\"\">（无）</option>");
            foreach (var heading in headings)
            {
                var selected = chosen.TryGetValue(field, out var h) && h.Trim() == heading.Trim();
                html.Append("<option value=\"").Append(E(heading)).Append('"').Append(selected ? " selected" : "").Append('>').Append(E(heading)).Append("</option>");
            }
            html.Append("</select></td></tr>");
        }
        html.Append("</table><p><button id=\"import\">按此对应导入并比对</button> <a href=\"/cross-check\">取消</a></p></form>");
        return html.ToString();
    }

    private static string DepartmentSelect(Department? selected)
    {
        var html = new StringBuilder("<select name=\"department\" id=\"department\">");
        foreach (var d in Enum.GetValues<Department>())
        {
            html.Append("<option value=\"").Append(d).Append('"').Append(d == selected ? " selected" : "").Append('>').Append(E(DepartmentNames.Name(d))).Append("</option>");
        }
        return html.Append("</select>").ToString();
    }

    private static string DepartmentLabel(string department) => Enum.TryParse<Department>(department, out var d) ? DepartmentNames.Name(d) : department;
}
