using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The list of flagged ID cards (挂失或异常证件名单), kept by administrators: adding a number flags the records
/// carrying it, removing it resolves their card flags; both written to the office audit.
/// </summary>
internal static partial class Dashboard
{
    private static void MapCards(RouteGroupBuilder office)
    {
        var cards = office.MapGroup("/cards").RequireAuthorization(AdministratorPolicy);
        cards.MapGet("", async (HttpContext context, IAntiforgery antiforgery, IFlaggedCardStore store, string? done, CancellationToken token) =>
            CardsPage(context, antiforgery, await store.FlaggedCardsAsync(token).ConfigureAwait(false), done, null));
        cards.MapPost("", FlagCardAsync);
        cards.MapPost("/remove", UnflagCardAsync);
    }

    private static async Task<IResult> FlagCardAsync(HttpContext context, IAntiforgery antiforgery, IFlaggedCardStore store, IOfficeStore office,
        [FromForm] string? idNumber, [FromForm] string? reason, [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        var number = (idNumber ?? "").Trim().ToUpperInvariant();
        var why = (reason ?? "").Trim();
        var problem = !CardNumber().IsMatch(number) ? "身份证号码应为18位（末位可为X）或15位数字，请核对"
            : why.Length == 0 ? "请写明列入名单的原因（例如本人报告遗失、公安机关通报挂失）"
            : why.Length > DistrictStore.MaxCardReasonLength ? $"原因太长：最多 {DistrictStore.MaxCardReasonLength} 个字"
            : null;
        if (problem is not null)
        {
            return CardsPage(context, antiforgery, await store.FlaggedCardsAsync(token).ConfigureAwait(false), null, problem);
        }
        var flagged = await store.FlagCardAsync(number, why, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false);
        await AuditAsync(office, context, "列入挂失证件名单", "card:" + number, $"原因：{why}；标记记录 {flagged} 条", token).ConfigureAwait(false);
        return Results.Redirect($"/cards?done=flagged-{flagged}");
    }

    private static async Task<IResult> UnflagCardAsync(HttpContext context, IFlaggedCardStore store, IOfficeStore office,
        [FromForm] string? idNumber, [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        var number = (idNumber ?? "").Trim().ToUpperInvariant();
        if (!CardNumber().IsMatch(number) || await store.UnflagCardAsync(number, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false) is not { } resolved)
        {
            return Results.Redirect("/cards?done=none");
        }
        await AuditAsync(office, context, "移出挂失证件名单", "card:" + number, $"有关记录的证件标记 {resolved} 项记为已核实", token).ConfigureAwait(false);
        return Results.Redirect($"/cards?done=removed-{resolved}");
    }

    private static IResult CardsPage(HttpContext context, IAntiforgery antiforgery, IReadOnlyList<FlaggedCard> cards, string? done, string? problem)
    {
        var message = done switch
        {
            { } d when d.StartsWith("flagged-", StringComparison.Ordinal) && int.TryParse(d["flagged-".Length..], out var n) => $"已列入名单，标记有关记录 {n} 条",
            { } d when d.StartsWith("removed-", StringComparison.Ordinal) && int.TryParse(d["removed-".Length..], out var n) => $"已移出名单，{n} 项证件标记记为已核实",
            "none" => "名单上没有这个号码",
            _ => null,
        };
        return Page(Html.Page("挂失或异常证件名单", User(context), CardListPage.Body(cards, message, problem, Token(context, antiforgery)), Token(context, antiforgery)),
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    [GeneratedRegex("^([0-9]{17}[0-9X]|[0-9]{15})$")]
    private static partial Regex CardNumber();
}
