using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The packages a docking quarantined (failed verification), per terminal, and their release for a new check by an
/// administrator (audited). Releasing changes no record: it lets the next docking fetch and verify the package again.
/// </summary>
internal static partial class Dashboard
{
    private static void MapQuarantine(RouteGroupBuilder office)
    {
        office.MapGet("/terminals/{terminalId}/quarantine", QuarantineAsync);
        office.MapPost("/terminals/{terminalId}/quarantine/release", ReleaseAsync).RequireAuthorization(AdministratorPolicy);
    }

    private static async Task<IResult> QuarantineAsync(HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IDistrictDockStore dock, string terminalId,
        int? released, CancellationToken token)
    {
        if (!(await store.TerminalProgressAsync(token).ConfigureAwait(false)).Any(t => t.TerminalId == terminalId))
        {
            return Page(Html.Page("隔离的数据包", User(context), "<p class=\"bad\">没有这台终端：请从终端列表进入。</p><p><a href=\"/terminals\">返回终端列表</a></p>"), StatusCodes.Status404NotFound);
        }
        var packages = await dock.QuarantinedAsync(terminalId, token).ConfigureAwait(false);
        var message = released is not null ? "已解除隔离：下次对接这台终端时将重新接收并校验该数据包。" : null;
        var csrf = Token(context, antiforgery);
        return Page(Html.Page("隔离的数据包", User(context), QuarantinePage.Body(terminalId, packages, User(context).Role == StaffRole.Administrator, message, csrf), csrf));
    }

    private static async Task<IResult> ReleaseAsync(HttpContext context, IDistrictDockStore dock, IOfficeStore office, string terminalId,
        [FromForm] string? sequence, [FromForm] string? sha256, [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        if (!long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || sha256 is null)
        {
            return Page(Html.Page("隔离的数据包", User(context), "<p class=\"bad\">数据包编号有误：请回到隔离列表重新操作。</p>"), StatusCodes.Status400BadRequest);
        }
        var package = (await dock.QuarantinedAsync(terminalId, token).ConfigureAwait(false)).FirstOrDefault(p => p.Sequence == number && p.Sha256 == sha256);
        if (package is null || !await dock.ReleaseQuarantinedAsync(terminalId, number, sha256, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false))
        {
            return Page(Html.Page("隔离的数据包", User(context), "<p class=\"bad\">没有这个隔离的数据包（可能已被解除）：请回到隔离列表查看。</p>"), StatusCodes.Status404NotFound);
        }
        await AuditAsync(office, context, "解除隔离", "terminal:" + terminalId, $"序号 {number}（{package.PackageId}），隔离原因：{package.Reason}", token).ConfigureAwait(false);
        return Results.Redirect($"/terminals/{Uri.EscapeDataString(terminalId)}/quarantine?released=1");
    }
}
