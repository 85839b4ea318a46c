using System.Globalization;
using System.Text;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using static Terminal.Host.Web.Html;

namespace Terminal.Host.Web.Pages;

/// <summary>
/// 合并重复记录: the records of one ID number side by side, which are merged (ticked) and which one is kept (保留),
/// with the reviewer's note; and on a record's page, what it was merged into or what was merged into it, with 撤销合并.
/// </summary>
internal static class MergePage
{
    /// <summary>The merge form for <paramref name="group"/> (the newest version of each record not merged away), <paramref name="chosen"/> kept by default.</summary>
    public static string Body(IReadOnlyList<RecordSummary> group, Guid chosen, IReadOnlyDictionary<string, string> pointNames, string csrfToken)
    {
        var html = new StringBuilder("<p>以下记录的身份证号码相同，可能是同一人被重复采集。选一条<strong>保留</strong>，勾选要<strong>合并</strong>到它的记录，并写明理由。")
            .Append("合并后，被合并的记录原样保存（各版本、照片、签名和操作记录都不删除），但不再计入采集进度、查询结果和报表；")
            .Append("记录页面上注明它已合并到哪一条。合并可以撤销。</p>");
        if (group.Count < 2)
        {
            return html.Append("<p class=\"warn\" id=\"merge-none\">没有可合并的重复记录：这个身份证号码只有这一条记录（其余的已合并）。</p><p><a href=\"/quality?category=SuspectedDuplicate\">返回疑似重复队列</a></p>").ToString();
        }
        html.Append("<form method=\"post\" action=\"/quality/merge\" id=\"merge-form\">").Append(CsrfField(csrfToken))
            .Append("<table id=\"merge-records\"><tr><th>保留</th><th>合并</th><th>姓名</th><th>身份证号码</th><th>类别</th><th>采集点</th><th>终端</th><th>采集日期</th><th>版本</th><th>问题</th></tr>");
        foreach (var r in group)
        {
            var id = r.RecordId.ToString("D");
            html.Append("<tr data-record=\"").Append(id).Append("\"><td><input type=\"radio\" class=\"keep\" name=\"kept\" value=\"").Append(id).Append('"')
                .Append(r.RecordId == chosen ? " checked" : "").Append("></td><td><input type=\"checkbox\" class=\"merge\" name=\"merged\" value=\"").Append(id).Append("\" checked></td><td><a href=\"/records/")
                .Append(id).Append("\">").Append(E(r.Name ?? "（无姓名）")).Append("</a></td><td>").Append(E(r.IdNumber)).Append("</td><td>")
                .Append(E(string.Join("、", r.Categories.Members().Select(CategoryNames.Label)))).Append("</td><td>").Append(E(pointNames.GetValueOrDefault(r.CollectionPoint, r.CollectionPoint)))
                .Append("</td><td>").Append(E(r.TerminalId)).Append("</td><td>").Append(r.CollectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                .Append(r.Version).Append("</td><td>").Append(E(string.Join("、", r.Flags.Select(FlagNames.Name)))).Append("</td></tr>");
        }
        return html.Append("</table><p>（保留的那条即使勾选了“合并”也不会被合并。）</p><p><label>合并理由（必填，最多 ").Append(Storage.DistrictStore.MaxNoteLength)
            .Append(" 字）<br><textarea name=\"note\" id=\"merge-note\" rows=\"3\" cols=\"60\" maxlength=\"").Append(Storage.DistrictStore.MaxNoteLength)
            .Append("\"></textarea></label></p><button id=\"merge\">合并</button> <a href=\"/quality?category=SuspectedDuplicate\">取消</a></form>").ToString();
    }

    /// <summary>
    /// The record page's part: merged into which record (with 撤销合并), or the records merged into it; for a reviewer,
    /// the way to the merge form while the record has duplicate flags and is not merged away.
    /// </summary>
    public static void RecordSection(StringBuilder html, RecordView view, string csrfToken)
    {
        var recordId = view.Record.RecordId;
        var mayReview = view.MayReview;
        var standing = (view.Merges ?? []).Where(m => m.Standing).ToList();
        bool Joined(Guid? other) => standing.Any(m => (m.MergedRecordId == other && m.KeptRecordId == recordId) || (m.KeptRecordId == other && m.MergedRecordId == recordId));
        if (mayReview && standing.All(m => m.MergedRecordId != recordId) && view.Flags.Any(f => f.ResolvedBy is null
            && Storage.Ingest.QualityCategories.Of(f.Flag.Code) == QualityCategory.SuspectedDuplicate && !Joined(f.RecordId == recordId ? f.Flag.RelatedRecordId : f.RecordId)))
        {
            html.Append("<p><a id=\"merge-link\" href=\"/quality/merge?record=").Append(recordId.ToString("D")).Append("\">合并重复记录…</a></p>");
        }
        if (standing.FirstOrDefault(m => m.MergedRecordId == recordId) is { } into)
        {
            html.Append("<div class=\"box\" id=\"merged-into\"><p class=\"bad\">此记录已合并到<a id=\"kept-link\" href=\"/records/").Append(into.KeptRecordId.ToString("D"))
                .Append("\">另一条记录（保留的记录）</a>，不再计入采集进度、查询结果和报表。</p><p>由 ").Append(E(into.MergedBy)).Append(" 于 ").Append(Time(into.MergedAt))
                .Append(" 合并，理由：").Append(E(into.Note)).Append("</p>");
            Undo(html, into, mayReview, csrfToken);
            html.Append("</div>");
        }
        var kept = standing.Where(m => m.KeptRecordId == recordId).ToList();
        if (kept.Count > 0)
        {
            html.Append("<div id=\"merged-here\"><p class=\"ok\">此记录是合并后保留的记录，以下 ").Append(kept.Count).Append(" 条重复记录已合并到它（原样保存，不再计入）：</p><table><tr><th>记录</th><th>合并人</th><th>合并时间</th><th>理由</th><th>撤销合并</th></tr>");
            foreach (var m in kept)
            {
                html.Append("<tr data-merged=\"").Append(m.MergedRecordId.ToString("D")).Append("\"><td><a href=\"/records/").Append(m.MergedRecordId.ToString("D")).Append("\">查看</a></td><td>")
                    .Append(E(m.MergedBy)).Append("</td><td>").Append(Time(m.MergedAt)).Append("</td><td>").Append(E(m.Note)).Append("</td><td>");
                Undo(html, m, mayReview, csrfToken);
                html.Append("</td></tr>");
            }
            html.Append("</table></div>");
        }
    }

    private static void Undo(StringBuilder html, RecordMerge merge, bool mayReview, string csrfToken)
    {
        if (mayReview)
        {
            html.Append("<form class=\"undo-merge\" method=\"post\" action=\"/quality/merge/").Append(merge.MergeId.ToString("D")).Append("/undo\">").Append(CsrfField(csrfToken))
                .Append("<label>撤销理由 <input name=\"note\" class=\"undo-note\" size=\"30\" maxlength=\"").Append(Storage.DistrictStore.MaxNoteLength).Append("\"></label> ")
                .Append("<button class=\"undo\">撤销合并</button></form>");
        }
    }
}
