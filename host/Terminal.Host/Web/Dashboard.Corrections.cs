using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Terminal.Host.Accounts;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The 补正 page: the correction items for everyone signed in; closing a corrected item and withdrawing one not yet
/// corrected for reviewers and administrators only (a viewer is refused by the policy). The store writes each change
/// to the office audit in the change's own transaction.
/// </summary>
internal static partial class Dashboard
{
    private static void MapCorrections(RouteGroupBuilder office)
    {
        office.MapGet("/corrections", CorrectionsAsync);
        office.MapPost("/corrections/{id:guid}/close", (HttpContext context, ICorrectionStore corrections, Guid id, [FromForm] string? note, [FromForm] string? back,
            [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token) =>
            FinishCorrectionAsync(context, corrections, id, note, back, close: true, token)).RequireAuthorization(ReviewPolicy);
        office.MapPost("/corrections/{id:guid}/withdraw", (HttpContext context, ICorrectionStore corrections, Guid id, [FromForm] string? note, [FromForm] string? back,
            [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token) =>
            FinishCorrectionAsync(context, corrections, id, note, back, close: false, token)).RequireAuthorization(ReviewPolicy);
    }

    private static async Task<IResult> CorrectionsAsync(HttpContext context, IAntiforgery antiforgery, IDistrictStore store, ICorrectionStore corrections,
        string? point, string? street, string? state, int? page, string? done, CancellationToken token)
    {
        var points = await store.CollectionPointsAsync(token).ConfigureAwait(false);
        var filter = new CorrectionFilter(
            points.FirstOrDefault(p => p.Code == point)?.Code,
            points.SelectMany(p => p.Streets).FirstOrDefault(s => s == street),
            Enum.TryParse<CorrectionState>(state, out var s) && Enum.IsDefined(s) ? s : null,
            Math.Clamp(page ?? 1, 1, 100_000), CorrectionsPage.PageSize);
        var items = await corrections.CorrectionsAsync(filter, token).ConfigureAwait(false);
        var user = User(context);
        var message = done switch
        {
            "closed" => "已关闭该补正事项",
            "withdrawn" => "已撤销该补正事项，下次对接时从终端的待补正清单中去掉",
            _ => null,
        };
        return Page(Html.Page("补正", user, CorrectionsPage.Body(points, filter, items, StaffRoles.MayReview(user.Role), message, Token(context, antiforgery)), Token(context, antiforgery)));
    }

    private static async Task<IResult> FinishCorrectionAsync(HttpContext context, ICorrectionStore corrections, Guid id, string? note, string? back, bool close, CancellationToken token)
    {
        var returnTo = back is { } b && b.StartsWith("/corrections", StringComparison.Ordinal) ? LocalOrProgress(b) : "/corrections";
        var text = (note ?? "").Trim();
        if (text.Length == 0)
        {
            return CorrectionProblem(context, close ? "关闭时请写明核对结果（例如“已核对第 2 版，问题已改正”）" : "撤销时请写明原因");
        }
        if (text.Length > DistrictStore.MaxNoteLength)
        {
            return CorrectionProblem(context, $"说明太长：最多 {DistrictStore.MaxNoteLength} 个字");
        }
        var item = await corrections.CorrectionAsync(id, token).ConfigureAwait(false);
        if (item is null)
        {
            return CorrectionProblem(context, "没有这个补正事项：请回到补正页面重新选择", StatusCodes.Status404NotFound);
        }
        var user = User(context).UserName;
        var changed = close
            ? await corrections.CloseCorrectionAsync(id, text, user, DateTimeOffset.UtcNow, token).ConfigureAwait(false)
            : await corrections.WithdrawCorrectionAsync(id, text, user, DateTimeOffset.UtcNow, token).ConfigureAwait(false);
        if (!changed)
        {
            return CorrectionProblem(context, close
                ? $"这个事项现在是“{CorrectionsPage.Name(item.State)}”，只有“已补正”的事项可以关闭：请等终端送回新版本"
                : $"这个事项现在是“{CorrectionsPage.Name(item.State)}”，只有尚未补正的事项可以撤销", StatusCodes.Status409Conflict);
        }
        var separator = returnTo.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{returnTo}{separator}done={(close ? "closed" : "withdrawn")}");
    }

    private static IResult CorrectionProblem(HttpContext context, string message, int status = StatusCodes.Status400BadRequest) =>
        Page(Html.Page("补正", User(context), $"<p class=\"bad\" id=\"corrections-problem\">{Html.E(message)}</p><p><a href=\"/corrections\">返回补正</a></p>"), status);
}
