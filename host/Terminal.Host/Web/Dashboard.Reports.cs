using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Terminal.Host.Accounts;
using Terminal.Host.Configuration;
using Terminal.Host.Reports;
using Terminal.Host.Reports.Pdf;
using Terminal.Host.Storage;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The 报表 endpoints (issue 10): the district report PDF, the summary XLSX, the city upload package, a person's form
/// and the honour-plaque list of a street. Every download is written to the office audit with who, what, how many
/// people and the file's SHA-256; a missing font is a Chinese page saying what to install.
/// </summary>
internal static partial class Dashboard
{
    /// <summary>The services behind the reports (the font is loaded at the first PDF, not at start-up).</summary>
    public static void AddReports(IServiceCollection services)
    {
        services.AddSingleton<IDistrictReportStore>(s => s.GetRequiredService<DistrictStore>());
        services.AddSingleton<ICrossCheckStore>(s => s.GetRequiredService<DistrictStore>());
        services.AddSingleton(s => new ReportFontHolder(s.GetRequiredService<IOptions<ReportsOptions>>()));
        services.AddSingleton<DistrictExports>();
    }

    private static void MapReports(RouteGroupBuilder office)
    {
        office.MapGet("/reports", async (HttpContext context, IAntiforgery antiforgery, IDistrictStore store, CancellationToken token) =>
        {
            var streets = (await store.CollectionPointsAsync(token).ConfigureAwait(false)).SelectMany(p => p.Streets).Distinct(StringComparer.Ordinal).ToList();
            var counts = await store.CountsAsync(token).ConfigureAwait(false);
            return Page(Html.Page("报表", User(context), ReportsPage.Body(streets, StaffRoles.MayReview(User(context).Role), counts.Records), Token(context, antiforgery)));
        });
        office.MapGet("/reports/district.pdf", (HttpContext context, IOfficeStore audit, DistrictExports exports, CancellationToken token) =>
            DownloadAsync(context, audit, "导出区信息采集报告", "report:district", async () => await exports.ReportPdfAsync(token).ConfigureAwait(false), token));
        office.MapGet("/reports/summary.xlsx", (HttpContext context, IOfficeStore audit, DistrictExports exports, CancellationToken token) =>
            DownloadAsync(context, audit, "导出汇总数据", "report:summary", async () => await exports.SummaryXlsxAsync(token).ConfigureAwait(false), token));
        office.MapGet("/reports/city-package.zip", (HttpContext context, IOfficeStore audit, DistrictExports exports, CancellationToken token) =>
            DownloadAsync(context, audit, "导出报市数据包", "report:city-package", async () => await exports.CityPackageAsync(User(context).UserName, token).ConfigureAwait(false), token))
            .RequireAuthorization(ReviewPolicy);
        office.MapGet("/reports/plaques.pdf", (HttpContext context, IOfficeStore audit, DistrictExports exports, string? street, CancellationToken token) =>
        {
            var code = string.IsNullOrWhiteSpace(street) ? null : street.Trim();
            if (code is not null && (code.Length != 9 || !code.All(char.IsAsciiDigit)))
            {
                return Task.FromResult(Page(Html.Page("街道代码有误", User(context), $"<p class=\"bad\" id=\"problem\">街道代码“{Html.E(code)}”应为 9 位数字。请从<a href=\"/reports\">报表</a>页选择街道。</p>"), StatusCodes.Status400BadRequest));
            }
            return DownloadAsync(context, audit, "导出光荣牌悬挂名单", "report:plaques:" + (code ?? "all"), async () => await exports.PlaqueListAsync(code, token).ConfigureAwait(false), token);
        });
        office.MapGet("/records/{id:guid}/form.pdf", (HttpContext context, IOfficeStore audit, DistrictExports exports, Guid id, int? version, CancellationToken token) =>
            DownloadAsync(context, audit, "导出个人采集表", "record:" + id.ToString("D"), async () => (await exports.FormPdfAsync(id, version, token).ConfigureAwait(false))?.File, token));
        MapCrossCheck(office);
    }

    /// <summary>Makes the file, audits it, and sends it; a Chinese page when the font or the record is missing.</summary>
    private static async Task<IResult> DownloadAsync(HttpContext context, IOfficeStore audit, string action, string subject, Func<Task<ExportFile?>> make, CancellationToken token)
    {
        ExportFile? file;
        try
        {
            file = await make().ConfigureAwait(false);
        }
        catch (ReportFontException e)
        {
            return Page(Html.Page("无法生成PDF", User(context), $"<p class=\"bad\" id=\"problem\">{Html.E(e.Message)}</p><p>请管理员处理后再下载。<a href=\"/reports\">返回报表</a></p>"),
                StatusCodes.Status503ServiceUnavailable);
        }
        if (file is null)
        {
            return Page(Html.Page("记录不存在", User(context), "<p class=\"bad\" id=\"problem\">没有这条记录（或没有这一版），无法生成采集表。请从<a href=\"/search\">查询</a>进入。</p>"), StatusCodes.Status404NotFound);
        }
        var detail = $"{file.People} 人，{file.FileName}，{file.Bytes.Length} 字节，SHA-256 {file.Sha256}" + (file.Warning is null ? "" : "；" + file.Warning);
        await AuditAsync(audit, context, action, subject, detail, token).ConfigureAwait(false);
        if (file.Warning is not null)
        {
            context.Response.Headers["X-Export-Warning"] = Uri.EscapeDataString(file.Warning);
        }
        return Results.File(file.Bytes, file.ContentType, file.FileName);
    }
}
