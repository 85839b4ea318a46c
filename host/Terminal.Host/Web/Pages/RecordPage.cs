using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Rules;
using Terminal.Records.Serialization;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>What a record's page shows, gathered by the endpoint.</summary>
internal sealed record RecordView(Record Record, IReadOnlyList<RecordVersionRow> Versions, IReadOnlyList<StoredRecordFlag> Flags, StoredSignature? Signature,
    IReadOnlyDictionary<string, bool> PhotosIntact, IReadOnlyList<OfficeAuditEntry> Audit, bool MayReview,
    RecordProvenance? Provenance = null, IReadOnlyList<RecordMerge>? Merges = null)
{
    /// <summary>The correction items of every version of the record.</summary>
    public IReadOnlyList<CorrectionEntry> Corrections { get; init; } = [];

    /// <summary>The second copies kept of its versions.</summary>
    public IReadOnlyList<RecordVersionCopy> Copies { get; init; } = [];
}

/// <summary>
/// A record version: the signature checked against the content hash, the flags (with the reviewer's check), the
/// photos, every field of the form it was collected under, the version history and the audit trail.
/// </summary>
internal static class RecordPage
{
    public static string Body(RecordView view, string csrfToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Record;
        var id = r.RecordId.ToString("D");
        var html = new StringBuilder();
        html.Append("<table id=\"summary\"><tr><th>姓名</th><td id=\"name\">").Append(E(r.Text("identity.name") ?? "（无姓名）")).Append("</td><th>身份证号码</th><td id=\"id-number\">")
            .Append(E(r.Text("identity.idNumber"))).Append("</td></tr><tr><th>类别</th><td colspan=\"3\">").Append(E(string.Join("、", r.Categories.Members().Select(CategoryNames.Label))))
            .Append("</td></tr><tr><th>采集点</th><td>").Append(E(r.CollectionPointCode)).Append("</td><th>终端 / 采集员</th><td>").Append(E(r.TerminalId)).Append(" / ").Append(E(r.OperatorId))
            .Append("</td></tr><tr><th>采集日期</th><td>").Append(r.CollectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><th>版本</th><td id=\"version\">第 ")
            .Append(r.Version).Append(" 版（共 ").Append(view.Versions.Count).Append(" 版），采集表 ").Append(E(r.FormVersion)).Append("</td></tr></table>")
            .Append("<p><a id=\"form-pdf\" href=\"/records/").Append(id).Append("/form.pdf?version=").Append(r.Version).Append("\">下载采集表（PDF，供签字和归档）</a></p>");
        MergePage.RecordSection(html, view, csrfToken);
        Signature(html, view);
        Flags(html, view, csrfToken);
        Photos(html, view, id);
        Fields(html, r);
        html.Append("<h2>版本记录</h2><table id=\"versions\"><tr><th>版本</th><th>入库时间</th><th>终端</th><th>序号</th><th>内容摘要</th><th>问题</th></tr>");
        foreach (var v in view.Versions)
        {
            html.Append("<tr><td><a href=\"/records/").Append(id).Append("?version=").Append(v.Version).Append("\">第 ").Append(v.Version).Append(" 版</a>")
                .Append(v.Version == r.Version ? "（当前显示）" : "").Append("</td><td>").Append(Time(v.ReceivedAt)).Append("</td><td>").Append(E(v.TerminalId)).Append("</td><td class=\"n\">")
                .Append(v.Sequence).Append("</td><td><code>").Append(E(v.ContentSha256[..16])).Append("…</code></td><td>").Append(E(string.Join("、", v.Flags.Select(FlagNames.Name)))).Append("</td></tr>");
        }
        html.Append("</table>");
        CorrectionsOfRecord.Section(html, r.RecordId, view.Corrections, view.Copies);
        html.Append("<h2>操作记录</h2><table id=\"audit\"><tr><th>时间</th><th>人员</th><th>操作</th><th>说明</th></tr>");
        foreach (var v in view.Versions)
        {
            var office = Storage.DistrictStore.IsOfficeTerminal(v.TerminalId);
            html.Append("<tr><td>").Append(Time(v.ReceivedAt)).Append("</td><td>").Append(office ? "区县办公室" : "终端 ").Append(office ? "" : E(v.TerminalId))
                .Append(office ? "</td><td>手工录入入库</td><td>第 " : "</td><td>对接入库</td><td>第 ").Append(v.Version).Append(" 版，序号 ").Append(v.Sequence).Append("</td></tr>");
        }
        foreach (var a in view.Audit)
        {
            html.Append("<tr><td>").Append(Time(a.At)).Append("</td><td>").Append(E(a.UserName)).Append("</td><td>").Append(E(a.Action)).Append("</td><td>").Append(E(a.Detail)).Append("</td></tr>");
        }
        return html.Append("</table>").ToString();
    }

    private static void Signature(StringBuilder html, RecordView view)
    {
        var r = view.Record;
        html.Append("<h2>签字确认</h2><p id=\"signature\">");
        if (r.Signature is null || view.Signature is null)
        {
            html.Append("<span class=\"bad\">没有签名</span>：此记录未经采集对象签字确认。</p>");
            return;
        }
        var content = RecordSerializer.ContentHash(r);
        var bound = view.Signature.ContentSha256 == content && r.Signature.ContentSha256 == content;
        html.Append(bound
            ? "<span class=\"ok\">签名与内容一致</span>：签名所确认的内容摘要与本版内容的摘要相同。"
            : "<span class=\"bad\">签名与内容不符</span>：签名之后内容有改动，或签名被替换。请核实后重新采集签名。");
        if (view.Provenance is { } p)
        {
            html.Append(" <span id=\"provenance\">办公室手工采集：录入员 ").Append(E(p.ClerkUserName)).Append("，身份证")
                .Append(p.CardSource == CardSource.Reader ? "由读卡器读取" : "手工输入（附身份证照片）").Append("，录入时间 ").Append(Time(p.EnteredAt))
                .Append("；签字确认的凭证是<a id=\"scan\" href=\"/records/").Append(r.RecordId.ToString("D")).Append("/scan?version=").Append(r.Version).Append("\">签字的采集表扫描件</a>。</span>");
        }
        if (view.Signature.Strokes.Length > 0)
        {
            var strokes = Convert.ToHexStringLower(SHA256.HashData(view.Signature.Strokes)) == r.Signature.StrokesSha256;
            html.Append(strokes ? " 笔迹数据 <span class=\"ok\">完整</span>。" : " 笔迹数据 <span class=\"bad\">与签名不符</span>。");
        }
        html.Append(" 签名时间 ").Append(Time(r.Signature.SignedAt)).Append("；内容摘要 <code>").Append(E(content)).Append("</code></p>");
    }

    private static void Flags(StringBuilder html, RecordView view, string csrfToken)
    {
        html.Append("<h2>问题数据</h2>");
        if (view.Flags.Count == 0)
        {
            html.Append("<p class=\"ok\" id=\"flags\">入库检查未发现问题。</p>");
            return;
        }
        var form = FormDefinitions.Get(view.Record.FormVersion);
        html.Append("<table id=\"flags\"><tr><th>版本</th><th>问题</th><th>字段</th><th>说明</th><th>核实</th></tr>");
        foreach (var f in view.Flags)
        {
            var field = f.Flag.FieldId is { } fid && form.TryGetField(fid, out var definition) ? definition.Label : f.Flag.FieldId;
            var own = f.RecordId == view.Record.RecordId;
            html.Append("<tr><td>").Append(own ? $"第 {f.Version} 版" : "另一条记录").Append("</td><td class=\"")
                .Append(f.Flag.Severity == Records.Validation.IssueSeverity.Error ? "bad" : "warn").Append("\">").Append(E(FlagNames.Name(f.Flag.Code)))
                .Append("</td><td>").Append(E(field)).Append("</td><td>").Append(E(f.Flag.Message));
            var other = own ? f.Flag.RelatedRecordId : f.RecordId;
            if (other is { } o)
            {
                html.Append(" <a href=\"/records/").Append(o.ToString("D")).Append("\">查看另一条记录</a>");
            }
            html.Append("</td><td>");
            if (f.ResolvedBy is not null)
            {
                html.Append("已由 ").Append(E(f.ResolvedBy)).Append(" 于 ").Append(Time(f.ResolvedAt)).Append(" 核实");
            }
            else if (view.MayReview && own)
            {
                html.Append("<form method=\"post\" action=\"/records/").Append(f.RecordId.ToString("D")).Append("/flags/").Append(f.Version).Append('/').Append(f.Position)
                    .Append("/resolve\">").Append(CsrfField(csrfToken)).Append("<button class=\"resolve\">标记为已核实</button></form>");
            }
            else
            {
                html.Append("未核实");
            }
            html.Append("</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Photos(StringBuilder html, RecordView view, string id)
    {
        html.Append("<h2>照片</h2><div id=\"photos\">");
        foreach (var p in view.Record.Photos.Where(p => p.Kind != PhotoKind.ChipPhotoRaw))
        {
            html.Append("<figure>");
            if (view.PhotosIntact.TryGetValue(p.Sha256, out var intact) && intact)
            {
                html.Append("<img class=\"photo\" src=\"/photos/").Append(E(p.Sha256)).Append("?record=").Append(id).Append("\" alt=\"").Append(E(PhotoLimits.Name(p.Kind))).Append("\">");
            }
            else
            {
                html.Append("<p class=\"bad photo-damaged\">照片缺失或已损坏</p>");
            }
            html.Append("<figcaption>").Append(E(PhotoLimits.Name(p.Kind))).Append(p.Label is null ? "" : "：" + E(p.Label)).Append("</figcaption></figure>");
        }
        html.Append("</div>");
    }

    private static void Fields(StringBuilder html, Record r)
    {
        var form = FormDefinitions.Get(r.FormVersion);
        foreach (var section in form.Sections)
        {
            var present = section.Fields.Where(f => r.Text(f.Id) is not null).ToList();
            if (present.Count == 0)
            {
                continue;
            }
            html.Append("<h2>").Append(E(section.Title)).Append("</h2><table class=\"fields\">");
            foreach (var f in present)
            {
                var value = r.Text(f.Id)!;
                var shown = f.CodeList is { } list
                    ? string.Join("、", value.Split(',').Select(code => form.CodeName(list, code.Trim()) is { } name ? $"{name}（{code.Trim()}）" : code))
                    : f.Type == FieldType.Boolean ? value switch { "true" => "是", "false" => "否", _ => value }
                    : f.Type == FieldType.Street && Records.Codes.AdministrativeDivisions.TryGetArea(value, out var street) ? $"{street.Name}（{value}）"
                    : value;
                html.Append("<tr data-field=\"").Append(E(f.Id)).Append("\"><th>").Append(E(f.Label)).Append("</th><td>").Append(E(shown)).Append("</td></tr>");
            }
            html.Append("</table>");
        }
    }
}
