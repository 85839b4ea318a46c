using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Terminal.Host.Accounts;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The 审核 page: the quality queues for everyone signed in; the decisions (accept, problem data, missing data) for
/// reviewers and administrators only, each one written to the office audit.
/// </summary>
internal static partial class Dashboard
{
    /// <summary>The most rows one decision may take (a page's worth, with room).</summary>
    private const int MaxDecisionItems = 500;

    private static void MapQuality(RouteGroupBuilder office)
    {
        office.MapGet("/quality", QualityAsync);
        office.MapGet(QualityPage.SelectionScriptPath, () => Results.Text(QualityPage.SelectionScript, "text/javascript; charset=utf-8"));
        office.MapPost("/quality/decide", DecideAsync).RequireAuthorization(ReviewPolicy);
    }

    private static async Task<IResult> QualityAsync(HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IQualityStore quality,
        string? point, string? street, string? terminal, string? category, int? page, string? done, CancellationToken token)
    {
        var points = await store.CollectionPointsAsync(token).ConfigureAwait(false);
        var terminals = (await store.TerminalProgressAsync(token).ConfigureAwait(false)).Select(t => t.TerminalId).ToList();
        var filter = new QualityFilter(
            points.FirstOrDefault(p => p.Code == point)?.Code,
            points.SelectMany(p => p.Streets).FirstOrDefault(s => s == street),
            terminals.FirstOrDefault(t => t == terminal),
            Enum.TryParse<QualityCategory>(category, out var c) && Enum.IsDefined(c) ? c : null,
            Math.Clamp(page ?? 1, 1, 100_000), QualityPage.PageSize);
        var queue = await quality.QualityQueueAsync(filter, token).ConfigureAwait(false);
        var user = User(context);
        var message = int.TryParse(done, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? $"已处理 {n} 条记录" : null;
        return Page(Html.Page("审核", user, QualityPage.Body(points, terminals, filter, queue, StaffRoles.MayReview(user.Role), message, Token(context, antiforgery)), Token(context, antiforgery)));
    }

    private static async Task<IResult> DecideAsync(HttpContext context, IAntiforgery antiforgery, IQualityStore quality, IOfficeStore office,
        [FromForm] string? decision, [FromForm] string? note, [FromForm] string? fields, [FromForm] string? back,
        [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        var returnTo = back is { } b && b.StartsWith("/quality", StringComparison.Ordinal) ? LocalOrProgress(b) : "/quality";
        var items = new List<(Guid, int)>();
        foreach (var text in (await context.Request.ReadFormAsync(token).ConfigureAwait(false))["item"].Select(v => v ?? ""))
        {
            var parts = text.Split(':');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "D", out var id) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return Problem(context, "所选记录的编号有误：请回到审核页面重新勾选");
            }
            items.Add((id, version));
        }
        var noteText = (note ?? "").Trim();
        var fieldList = (fields ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!Enum.TryParse<ReviewDecision>(decision, out var d) || !Enum.IsDefined(d))
        {
            return Problem(context, "请选择“接受”、“标记为问题数据”或“标记为缺失数据”");
        }
        if (items.Count == 0)
        {
            return Problem(context, "没有勾选记录：请先勾选要处理的记录");
        }
        if (items.Count > MaxDecisionItems)
        {
            return Problem(context, $"一次最多处理 {MaxDecisionItems} 条记录");
        }
        if (noteText.Length > DistrictStore.MaxNoteLength)
        {
            return Problem(context, $"说明太长：最多 {DistrictStore.MaxNoteLength} 个字");
        }
        if (d != ReviewDecision.Accepted && noteText.Length == 0)
        {
            return Problem(context, "标记问题数据或缺失数据时，请写明说明（要采集点改正或补充什么）");
        }
        if (fieldList.Length > 40 || fieldList.Any(f => f.Length > 64 || !f.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-')))
        {
            return Problem(context, "涉及的项目请填写字段编号（如 personal.street），用逗号分开");
        }
        var decided = await quality.DecideAsync(items, d, noteText, fieldList, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false);
        foreach (var (id, version) in decided)
        {
            var detail = $"第 {version} 版：{QualityPage.Name(d)}" + (noteText.Length > 0 ? $"，说明：{noteText}" : "") + (fieldList.Length > 0 ? $"，涉及：{string.Join("、", fieldList)}" : "");
            await AuditAsync(office, context, "审核", "record:" + id.ToString("D"), detail, token).ConfigureAwait(false);
        }
        var separator = returnTo.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{returnTo}{separator}done={decided.Count}");
    }

    private static IResult Problem(HttpContext context, string message) =>
        Page(Html.Page("审核", User(context), $"<p class=\"bad\" id=\"quality-problem\">{Html.E(message)}</p><p><a href=\"/quality\">返回审核</a></p>"), StatusCodes.Status400BadRequest);
}
