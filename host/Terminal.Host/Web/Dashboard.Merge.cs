using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// Merging duplicates (合并重复记录) and undoing a merge (撤销合并): reviewers and administrators only, each form with
/// its antiforgery token, every merge and undo written to the office audit of every record it touched. The store
/// checks the records again inside its transaction, so a forged or stale id writes nothing.
/// </summary>
internal static partial class Dashboard
{
    private static void MapMerge(RouteGroupBuilder office)
    {
        office.MapGet("/quality/merge", MergeFormAsync).RequireAuthorization(ReviewPolicy);
        office.MapPost("/quality/merge", MergeAsync).RequireAuthorization(ReviewPolicy);
        office.MapPost("/quality/merge/{mergeId:guid}/undo", UndoMergeAsync).RequireAuthorization(ReviewPolicy);
    }

    private static async Task<IResult> MergeFormAsync(HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IRecordMergeStore merges, Guid? record, CancellationToken token)
    {
        var chosen = record is { } id ? await store.RecordAsync(id, null, token).ConfigureAwait(false) : null;
        if (chosen?.Text("identity.idNumber") is not { } idNumber)
        {
            return MergeProblem(context, "没有这条记录，或它没有身份证号码：请从疑似重复队列进入合并");
        }
        var group = await MergeGroupAsync(store, merges, idNumber, token).ConfigureAwait(false);
        if (group.All(r => r.RecordId != chosen.RecordId))
        {
            var into = (await merges.MergedIntoAsync([chosen.RecordId], token).ConfigureAwait(false))[chosen.RecordId];
            return Results.Redirect($"/records/{into:D}");
        }
        var points = (await store.CollectionPointsAsync(token).ConfigureAwait(false)).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        return Page(Html.Page("合并重复记录", User(context), MergePage.Body(group, chosen.RecordId, points, Token(context, antiforgery)), Token(context, antiforgery)));
    }

    /// <summary>The newest version of each record carrying <paramref name="idNumber"/> and not merged away, oldest collected first.</summary>
    private static async Task<IReadOnlyList<RecordSummary>> MergeGroupAsync(IDistrictStore store, IRecordMergeStore merges, string idNumber, CancellationToken token)
    {
        var newest = (await store.FindByIdNumberAsync(idNumber, token).ConfigureAwait(false)).GroupBy(r => r.RecordId).Select(g => g.MaxBy(r => r.Version)!).ToList();
        var away = await merges.MergedIntoAsync([.. newest.Select(r => r.RecordId)], token).ConfigureAwait(false);
        return [.. newest.Where(r => !away.ContainsKey(r.RecordId)).OrderBy(r => r.CollectedOn).ThenBy(r => r.RecordId)];
    }

    private static async Task<IResult> MergeAsync(HttpContext context, IRecordMergeStore merges, IOfficeStore office,
        [FromForm] string? kept, [FromForm] string? note, [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        var form = await context.Request.ReadFormAsync(token).ConfigureAwait(false);
        var merged = new List<Guid>();
        foreach (var text in form["merged"].Select(v => v ?? ""))
        {
            if (!Guid.TryParseExact(text, "D", out var id))
            {
                return MergeProblem(context, "所选记录的编号有误：请回到疑似重复队列重新选择");
            }
            merged.Add(id);
        }
        if (!Guid.TryParseExact(kept ?? "", "D", out var keptId))
        {
            return MergeProblem(context, "请选择要保留的记录");
        }
        merged.Remove(keptId);
        var noteText = (note ?? "").Trim();
        if (noteText.Length == 0)
        {
            return MergeProblem(context, "请写明合并理由（例如核实为同一人、保留信息更完整的一条）");
        }
        if (noteText.Length > DistrictStore.MaxNoteLength)
        {
            return MergeProblem(context, $"理由太长：最多 {DistrictStore.MaxNoteLength} 个字");
        }
        var outcome = await merges.MergeAsync(keptId, merged, noteText, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false);
        if (!outcome.Merged)
        {
            return MergeProblem(context, outcome.Refusal!);
        }
        foreach (var m in outcome.Merges)
        {
            await AuditAsync(office, context, "合并记录", "record:" + m.MergedRecordId.ToString("D"), $"合并到记录 {m.KeptRecordId:D}（保留），理由：{m.Note}", token).ConfigureAwait(false);
        }
        await AuditAsync(office, context, "合并记录", "record:" + keptId.ToString("D"),
            $"保留此记录，合并了 {string.Join("、", outcome.Merges.Select(m => m.MergedRecordId.ToString("D")))}，理由：{noteText}", token).ConfigureAwait(false);
        return Results.Redirect($"/records/{keptId:D}");
    }

    private static async Task<IResult> UndoMergeAsync(HttpContext context, IRecordMergeStore merges, IOfficeStore office, Guid mergeId,
        [FromForm] string? note, [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        var noteText = (note ?? "").Trim();
        if (noteText.Length == 0)
        {
            return MergeProblem(context, "请写明撤销合并的理由（例如核实后不是同一人）");
        }
        if (noteText.Length > DistrictStore.MaxNoteLength)
        {
            return MergeProblem(context, $"理由太长：最多 {DistrictStore.MaxNoteLength} 个字");
        }
        if (await merges.UndoMergeAsync(mergeId, noteText, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false) is not { } undone)
        {
            return MergeProblem(context, "没有这次合并，或它已被撤销：请刷新记录页面后查看");
        }
        foreach (var (subject, detail) in new[] { (undone.MergedRecordId, $"撤销合并：不再合并到记录 {undone.KeptRecordId:D}，重新计入"), (undone.KeptRecordId, $"撤销合并：记录 {undone.MergedRecordId:D} 不再合并到此记录") })
        {
            await AuditAsync(office, context, "撤销合并", "record:" + subject.ToString("D"), $"{detail}，理由：{noteText}", token).ConfigureAwait(false);
        }
        return Results.Redirect($"/records/{undone.MergedRecordId:D}");
    }

    private static IResult MergeProblem(HttpContext context, string message) =>
        Page(Html.Page("合并重复记录", User(context), $"<p class=\"bad\" id=\"merge-problem\">{Html.E(message)}</p><p><a href=\"/quality?category=SuspectedDuplicate\">返回疑似重复队列</a></p>"),
            StatusCodes.Status400BadRequest);
}
