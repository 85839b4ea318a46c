using System.Text;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using Terminal.Records.Codes;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Host.Web.Pages;

/// <summary>The office entry page's first step (录入): find the subject by ID number or name before anything is made.</summary>
internal static class EntrySearchPage
{
    public static string Body(string? query, string? problem, RosterEntry? roster, IReadOnlyList<RecordSummary>? found, string? startNumber)
    {
        var html = new StringBuilder();
        html.Append("<p>先查找采集对象：已经由终端采集或已在办公室录入的人不要再录一条。输入身份证号码（或姓名）查询。</p>")
            .Append("<form method=\"get\" action=\"/entry\"><input name=\"q\" id=\"entry-q\" size=\"24\" value=\"").Append(Html.E(query))
            .Append("\" placeholder=\"身份证号码或姓名\"> <button id=\"entry-search\">查询</button></form>");
        if (problem is not null)
        {
            html.Append("<p class=\"bad\" id=\"entry-problem\">").Append(Html.E(problem)).Append("</p>");
        }
        if (found is null)
        {
            return html.ToString();
        }
        if (roster is not null)
        {
            html.Append("<p class=\"ok\" id=\"entry-roster\">初始数据中有此人：").Append(Html.E(roster.Name)).Append("（采集点 ").Append(Html.E(roster.CollectionPointCode)).Append("）</p>");
        }
        if (found.Count == 0)
        {
            html.Append("<p id=\"entry-none\">没有找到已采集的记录。</p>");
        }
        else
        {
            html.Append("<p class=\"bad\" id=\"entry-collected\">此人已经采集过，请勿重复录入：</p><table id=\"entry-found\"><tr><th>姓名</th><th>身份证号码</th><th>采集方式</th><th>采集日期</th><th></th></tr>");
            foreach (var r in found)
            {
                html.Append("<tr><td>").Append(Html.E(r.Name ?? "（无姓名）")).Append("</td><td>").Append(Html.E(r.IdNumber)).Append("</td><td>")
                    .Append(Html.E(CollectedBy(r.TerminalId))).Append("</td><td>").Append(r.CollectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    .Append("</td><td><a href=\"/records/").Append(r.RecordId.ToString("D")).Append("\">查看</a></td></tr>");
            }
            html.Append("</table>");
        }
        if (startNumber is not null)
        {
            html.Append("<p><a class=\"button\" id=\"entry-start\" href=\"/entry/new?id=").Append(Html.E(Html.Q(startNumber))).Append("\">")
                .Append(found.Count == 0 ? "开始录入" : "仍要录入（将标记为重复采集，由审核员核实）").Append("</a></p>");
        }
        return html.ToString();
    }

    /// <summary>How a record was collected, in words.</summary>
    public static string CollectedBy(string terminalId) =>
        DistrictStore.IsOfficeTerminal(terminalId) ? "办公室手工录入" : "终端 " + terminalId;
}

/// <summary>What the entry form shows: the record as entered so far, its photos, and what the checks said.</summary>
internal sealed record EntryFormView(
    Record Record,
    CardSource CardSource,
    IReadOnlyDictionary<string, string> ChipValues,
    IReadOnlyList<(PhotoKind Kind, string Base64)> Photos,
    IReadOnlyList<RecordIssue> Issues,
    IReadOnlyList<string> Problems,
    string? Notice,
    IReadOnlyList<CollectionPoint> Points,
    bool ReaderConfigured,
    IReadOnlyList<RecordSummary> AlreadyCollected,
    bool ConfirmedDuplicate);

/// <summary>
/// The entry form: the same form definition as the terminal (its sections, fields, code lists, "only when"
/// conditions), checked by the same record validator with the same Chinese messages on each 检查 and on saving.
/// </summary>
internal static class EntryFormPage
{
    public static string Body(EntryFormView view, string csrf)
    {
        var form = FormDefinitions.Get(view.Record.FormVersion);
        var r = view.Record;
        var html = new StringBuilder();
        var byField = view.Issues.Where(i => i.FieldId is not null).ToLookup(i => i.FieldId);
        if (view.Notice is not null)
        {
            html.Append("<p class=\"ok\" id=\"entry-notice\">").Append(Html.E(view.Notice)).Append("</p>");
        }
        if (view.Problems.Count > 0 || view.Issues.Any(i => i.FieldId is null))
        {
            html.Append("<div class=\"box\" id=\"entry-problems\"><p class=\"bad\">请先处理以下问题：</p><ul>");
            foreach (var p in view.Problems)
            {
                html.Append("<li class=\"bad\">").Append(Html.E(p)).Append("</li>");
            }
            foreach (var i in view.Issues.Where(i => i.FieldId is null))
            {
                html.Append("<li class=\"").Append(i.Severity == IssueSeverity.Error ? "bad" : "warn").Append("\">").Append(Html.E(i.Message)).Append("</li>");
            }
            html.Append("</ul></div>");
        }
        if (view.AlreadyCollected.Count > 0)
        {
            html.Append("<p class=\"bad\" id=\"entry-duplicate\">此身份证号码已采集过（").Append(Html.E(string.Join("、", view.AlreadyCollected.Select(s => EntrySearchPage.CollectedBy(s.TerminalId)).Distinct())))
                .Append("）：请先到<a href=\"/search?q=").Append(Html.E(Html.Q(r.Text("identity.idNumber") ?? ""))).Append("\">查询</a>核实。</p>");
        }
        html.Append("<form method=\"post\" action=\"/entry/new\" enctype=\"multipart/form-data\" id=\"entry-form\">").Append(Html.CsrfField(csrf))
            .Append("<input type=\"hidden\" name=\"rid\" value=\"").Append(r.RecordId.ToString("D")).Append("\">")
            .Append("<input type=\"hidden\" name=\"card\" value=\"").Append(view.CardSource == CardSource.Reader ? "reader" : "typed").Append("\">");
        foreach (var (field, value) in view.ChipValues)
        {
            html.Append("<input type=\"hidden\" name=\"chip.").Append(Html.E(field)).Append("\" value=\"").Append(Html.E(value)).Append("\">");
        }
        foreach (var (kind, base64) in view.Photos)
        {
            html.Append("<input type=\"hidden\" name=\"keep.").Append(kind).Append("\" value=\"").Append(base64).Append("\">");
        }

        html.Append("<fieldset class=\"box\"><legend>身份证</legend><p id=\"entry-card-source\">")
            .Append(view.CardSource == CardSource.Reader ? "已用读卡器读取身份证（芯片信息）" : "未读卡：手工输入身份证号码，并上传身份证照片").Append("</p>");
        html.Append(view.ReaderConfigured
            ? "<button type=\"submit\" name=\"go\" value=\"read\" id=\"entry-read\">读卡</button> 请把身份证放在读卡器上再点“读卡”。"
            : "<p class=\"warn\" id=\"entry-no-reader\">本机没有配置身份证阅读器：请按身份证手工输入号码等信息，并上传身份证照片。</p>");
        html.Append("<p><label>身份证照片（未读卡时必传）：<input type=\"file\" name=\"IdCardPhoto\" id=\"entry-idcard-photo\" accept=\"image/jpeg,image/png\" capture=\"environment\"></label></p></fieldset>");

        html.Append("<fieldset class=\"box\"><legend>采集信息</legend><p><label>采集点：<select name=\"point\" id=\"entry-point\"><option value=\"\">（请选择）</option>");
        foreach (var p in view.Points)
        {
            html.Append("<option value=\"").Append(Html.E(p.Code)).Append('"').Append(p.Code == r.CollectionPointCode ? " selected" : "").Append('>').Append(Html.E(p.Code + " " + p.Name)).Append("</option>");
        }
        html.Append("</select></label></p><p><label>采集方式：<select name=\"mode\" id=\"entry-mode\">");
        foreach (var (mode, name) in new[] { (CollectionMode.OnSite, "现场采集（纸质表）"), (CollectionMode.HomeVisit, "入户采集（纸质表）"), (CollectionMode.SelfDeclared, "自主申报") })
        {
            html.Append("<option value=\"").Append((int)mode).Append('"').Append(mode == r.Mode ? " selected" : "").Append('>').Append(name).Append("</option>");
        }
        html.Append("</select></label></p><p><label>采集日期（采集表签字日期）：<input name=\"collectedOn\" id=\"entry-collected-on\" value=\"")
            .Append(FieldValueFormat.FormatDate(r.CollectedOn)).Append("\"></label></p></fieldset>");

        html.Append("<fieldset class=\"box\"><legend>对象类别</legend>");
        foreach (var c in Enum.GetValues<Category>())
        {
            html.Append("<label style=\"display:block\"><input type=\"checkbox\" name=\"cat\" value=\"").Append((int)c).Append('"').Append(r.Categories.Contains(c) ? " checked" : "")
                .Append('>').Append(Html.E(CategoryNames.Label(c))).Append("</label>");
        }
        html.Append("<p class=\"warn\">选好类别后点“检查”，下面显示该类别要填的项目。</p></fieldset>");

        var streets = r.CollectionPointCode.Length >= 6 ? AdministrativeDivisions.StreetsOf(r.CollectionPointCode[..6]) : [];
        foreach (var section in form.Sections)
        {
            var fields = section.Fields.Where(f => FieldConstraints.Applies(f, r, form)).ToList();
            if (fields.Count == 0)
            {
                continue;
            }
            html.Append("<fieldset class=\"box\" id=\"s-").Append(Html.E(section.Id)).Append("\"><legend>").Append(Html.E(section.Title)).Append("</legend>");
            foreach (var field in fields)
            {
                AppendField(html, form, field, r, streets, view.ChipValues, byField[field.Id]);
            }
            html.Append("</fieldset>");
        }

        html.Append("<fieldset class=\"box\"><legend>照片</legend>");
        foreach (var (kind, base64) in view.Photos.Where(p => p.Kind != PhotoKind.ChipPhotoRaw))
        {
            html.Append("<figure><img class=\"photo\" alt=\"").Append(Records.Rules.PhotoLimits.Name(kind)).Append("\" src=\"data:image/jpeg;base64,").Append(base64)
                .Append("\"><figcaption>").Append(Records.Rules.PhotoLimits.Name(kind)).Append("（已上传）</figcaption></figure>");
        }
        html.Append("<p><label>个人免冠近照（必传）：<input type=\"file\" name=\"PersonalPhoto\" id=\"entry-personal-photo\" accept=\"image/jpeg,image/png\" capture=\"user\"></label></p>")
            .Append("<p><label>证件材料照片（可多张）：<input type=\"file\" name=\"DocumentPhoto\" id=\"entry-document-photos\" accept=\"image/jpeg,image/png\" capture=\"environment\" multiple></label></p></fieldset>");

        html.Append("<fieldset class=\"box\"><legend>签字确认（纸质采集表）</legend>")
            .Append("<p>先点“打印采集表”打印本人的采集表（已填好），请采集对象核对后签字，再把签字的表扫描或拍照上传（JPG 或 PNG，不接收 PDF）。</p>")
            .Append("<p><button type=\"submit\" name=\"go\" value=\"print\" id=\"entry-print\" formtarget=\"_blank\">打印采集表</button></p>")
            .Append("<p><label>签字的采集表扫描件（必传）：<input type=\"file\" name=\"scan\" id=\"entry-scan\" accept=\"image/jpeg,image/png\" capture=\"environment\"></label></p>");
        if (view.AlreadyCollected.Count > 0)
        {
            html.Append("<p><label class=\"bad\"><input type=\"checkbox\" name=\"duplicate\" value=\"yes\" id=\"entry-confirm-duplicate\"").Append(view.ConfirmedDuplicate ? " checked" : "")
                .Append(">已核实，仍要录入（记录将标记为重复采集，由审核员核实）</label></p>");
        }
        html.Append("</fieldset><p><button type=\"submit\" name=\"go\" value=\"check\" id=\"entry-check\">检查</button> ")
            .Append("<button type=\"submit\" name=\"go\" value=\"save\" id=\"entry-save\">保存（标记为手工采集）</button></p></form>");
        return html.ToString();
    }

    private static void AppendField(StringBuilder html, FormDefinition form, FieldDefinition field, Record r, IReadOnlyList<AdministrativeArea> streets,
        IReadOnlyDictionary<string, string> chip, IEnumerable<RecordIssue> issues)
    {
        var value = r.Text(field.Id);
        var name = "f." + field.Id;
        var id = "f-" + field.Id.Replace('.', '-');
        html.Append("<p data-field=\"").Append(Html.E(field.Id)).Append("\"><label for=\"").Append(Html.E(id)).Append("\">").Append(Html.E(field.Label))
            .Append(field.Required ? "（必填）" : "").Append("</label>：");
        switch (field.Type)
        {
            case FieldType.Code:
                html.Append("<select id=\"").Append(Html.E(id)).Append("\" name=\"").Append(Html.E(name)).Append("\"><option value=\"\">（请选择）</option>");
                foreach (var code in form.CodeLists[field.CodeList!].Codes)
                {
                    html.Append("<option value=\"").Append(Html.E(code.Code)).Append('"').Append(value == code.Code ? " selected" : "").Append('>').Append(Html.E(code.Name)).Append("</option>");
                }
                html.Append("</select>");
                break;
            case FieldType.Codes:
                var chosen = (value ?? "").Split(',');
                html.Append("<span id=\"").Append(Html.E(id)).Append("\">");
                foreach (var code in form.CodeLists[field.CodeList!].Codes)
                {
                    html.Append("<label><input type=\"checkbox\" name=\"").Append(Html.E(name)).Append("\" value=\"").Append(Html.E(code.Code)).Append('"')
                        .Append(chosen.Contains(code.Code) ? " checked" : "").Append('>').Append(Html.E(code.Name)).Append("</label> ");
                }
                html.Append("</span>");
                break;
            case FieldType.Boolean:
                html.Append("<span id=\"").Append(Html.E(id)).Append("\">");
                foreach (var (v, text) in new[] { ("true", "是"), ("false", "否") })
                {
                    html.Append("<label><input type=\"radio\" name=\"").Append(Html.E(name)).Append("\" value=\"").Append(v).Append('"').Append(value == v ? " checked" : "").Append('>').Append(text).Append("</label> ");
                }
                html.Append("</span>");
                break;
            case FieldType.Street:
                html.Append("<select id=\"").Append(Html.E(id)).Append("\" name=\"").Append(Html.E(name)).Append("\"><option value=\"\">（请选择）</option>");
                foreach (var street in streets)
                {
                    html.Append("<option value=\"").Append(Html.E(street.Code)).Append('"').Append(value == street.Code ? " selected" : "").Append('>').Append(Html.E(street.Name)).Append("</option>");
                }
                if (value is not null && !streets.Any(s => s.Code == value))
                {
                    html.Append("<option value=\"").Append(Html.E(value)).Append("\" selected>").Append(Html.E(value)).Append("（不在本区街道表中）</option>");
                }
                html.Append("</select>");
                break;
            case FieldType.Text when field.MaxLength > 200:
                html.Append("<textarea id=\"").Append(Html.E(id)).Append("\" name=\"").Append(Html.E(name)).Append("\" rows=\"4\" cols=\"60\">").Append(Html.E(value)).Append("</textarea>");
                break;
            default:
                html.Append("<input id=\"").Append(Html.E(id)).Append("\" name=\"").Append(Html.E(name)).Append("\" value=\"").Append(Html.E(value)).Append('"')
                    .Append(field.Type == FieldType.Date ? field.AllowLongTerm ? " placeholder=\"例如 2018-10-01，或“长期”\"" : " placeholder=\"例如 2018-10-01\"" : "").Append('>');
                break;
        }
        if (value is not null && chip.TryGetValue(field.Id, out var fromChip) && fromChip == value)
        {
            html.Append(" <span class=\"ok\">来自身份证芯片</span>");
        }
        else if (r.Values.TryGetValue(field.Id, out var v2) && v2.Source == FieldSource.InitialData)
        {
            html.Append(" <span class=\"ok\">来自初始数据</span>");
        }
        if (field.Hint is not null)
        {
            html.Append(" <span class=\"warn\">").Append(Html.E(field.Hint)).Append("</span>");
        }
        foreach (var issue in issues)
        {
            html.Append("<br><span class=\"").Append(issue.Severity == IssueSeverity.Error ? "bad" : "warn").Append(" issue\">").Append(Html.E(issue.Message)).Append("</span>");
        }
        html.Append("</p>");
    }
}
