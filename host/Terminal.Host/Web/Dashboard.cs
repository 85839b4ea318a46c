using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Terminal.Host.Accounts;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The office dashboard's endpoints: login and logout, progress, the people not yet seen, terminals, search, a
/// record's page and its photos, the office audit. Every page but the login needs a session; every form carries
/// an antiforgery token (checked by the antiforgery middleware for every form-bound endpoint); every view of
/// personal data and every change is written to the office audit.
/// </summary>
internal static partial class Dashboard
{
    private const string ReviewPolicy = "review";
    /// <summary>Administrators only: the office audit, the lists of flagged cards, releasing quarantined packages.</summary>
    private const string AdministratorPolicy = "administrator";

    public static void Map(WebApplication app)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(LoginPage.Html(Token(context, antiforgery), null, null, LocalOrProgress(returnUrl))));
        app.MapPost("/login", LoginAsync);
        app.MapPost("/logout", async (HttpContext context, [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/login");
        });

        var office = app.MapGroup("").RequireAuthorization();
        office.MapGet("/progress", async (HttpContext context, IAntiforgery antiforgery, IDistrictStore store, CancellationToken token) =>
            Page(Html.Page("采集进度", User(context), ProgressPage.Body(await store.ProgressAsync(token).ConfigureAwait(false),
                await store.StreetProgressAsync(token).ConfigureAwait(false), await store.CountsAsync(token).ConfigureAwait(false)), Token(context, antiforgery))));
        office.MapGet("/not-seen", async (HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IOfficeStore office, string? point, CancellationToken token) =>
        {
            var points = await store.CollectionPointsAsync(token).ConfigureAwait(false);
            var code = points.FirstOrDefault(p => p.Code == point)?.Code;
            var people = await store.NotYetSeenAsync(code, NotSeenPage.Limit, token).ConfigureAwait(false);
            await AuditAsync(office, context, "查看未采集名单", "roster", code is null ? $"全部采集点，{people.Count} 人" : $"采集点 {code}，{people.Count} 人", token).ConfigureAwait(false);
            return Page(Html.Page("未采集名单（供入户采集）", User(context), NotSeenPage.Body(points, code, people), Token(context, antiforgery)));
        });
        office.MapGet("/terminals", async (HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IDistrictDockStore dock, CancellationToken token) =>
        {
            var terminals = await store.TerminalProgressAsync(token).ConfigureAwait(false);
            var gaps = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
            foreach (var t in terminals.Where(t => t.MissingSequences > 0))
            {
                gaps[t.TerminalId] = await store.MissingSequencesAsync(t.TerminalId, token).ConfigureAwait(false);
            }
            var quarantined = await dock.QuarantineCountsAsync(token).ConfigureAwait(false);
            return Page(Html.Page("终端", User(context), TerminalsPage.Body(terminals, gaps, quarantined), Token(context, antiforgery)));
        });
        office.MapGet("/search", SearchAsync);
        office.MapGet("/records/{id:guid}", RecordAsync);
        office.MapGet("/photos/{sha}", PhotoAsync);
        office.MapPost("/records/{id:guid}/flags/{version:int}/{position:int}/resolve", ResolveAsync).RequireAuthorization(ReviewPolicy);
        office.MapGet("/audit", async (HttpContext context, IAntiforgery antiforgery, IOfficeStore office, CancellationToken token) =>
            Page(Html.Page("操作记录", User(context), AuditPage.Body(await office.AuditAsync(null, AuditPage.Limit, token).ConfigureAwait(false)), Token(context, antiforgery))))
            .RequireAuthorization(AdministratorPolicy);
        MapEntry(app);
        MapReports(office);
        MapQuality(office);
        MapMerge(office);
        MapCards(office);
        MapQuarantine(office);
        MapCorrections(office);
    }

    /// <summary>Cookie sessions (8 h, sliding; the account re-checked on each request), role policies and the antiforgery token field.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "terminal-host-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Events.OnValidatePrincipal = ValidateAccountAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewPolicy, p => p.RequireRole(nameof(StaffRole.Administrator), nameof(StaffRole.Reviewer)))
            .AddPolicy(AdministratorPolicy, p => p.RequireRole(nameof(StaffRole.Administrator)));
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = Html.AntiforgeryFieldName;
            o.Cookie.Name = "terminal-host-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton(s => new StaffSignIn(s.GetRequiredService<IOfficeStore>()));
    }

    /// <summary>A disabled, removed or re-roled account loses its session at its next request.</summary>
    private static async Task ValidateAccountAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal is null ? null : OfficeUser.Of(context.Principal);
        var account = user is null ? null : await context.HttpContext.RequestServices.GetRequiredService<IOfficeStore>().AccountAsync(user.UserName, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (account is null || account.Disabled || account.Role != user!.Role)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, StaffSignIn signIn, IOfficeStore office,
        [FromForm] string? user, [FromForm] string? password, [FromForm] string? returnUrl, CancellationToken token)
    {
        var name = (user ?? "").Trim();
        var outcome = await signIn.SignInAsync(name, password ?? "", token).ConfigureAwait(false);
        if (outcome.Account is not { } account)
        {
            if (name.Length is > 0 and <= 64)
            {
                await office.AppendAuditAsync(new OfficeAuditEntry(DateTimeOffset.UtcNow, name, "登录失败", "account:" + name, outcome.Message ?? ""), token).ConfigureAwait(false);
            }
            return Page(LoginPage.Html(Token(context, antiforgery), outcome.Message, name, LocalOrProgress(returnUrl)));
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OfficeUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme)).ConfigureAwait(false);
        await office.AppendAuditAsync(new OfficeAuditEntry(DateTimeOffset.UtcNow, account.UserName, "登录", "account:" + account.UserName, ""), token).ConfigureAwait(false);
        return Results.Redirect(LocalOrProgress(returnUrl));
    }

    private static async Task<IResult> SearchAsync(HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IOfficeStore office, IRecordMergeStore merges, string? q, CancellationToken token)
    {
        var mergedAway = 0;
        var query = q?.Trim();
        IReadOnlyList<RecordSummary>? results = null;
        string? problem = null;
        if (string.IsNullOrEmpty(query))
        {
            query = null;
        }
        else if (query.Length > SearchPage.MaxQueryLength)
        {
            problem = $"查询内容太长：最多 {SearchPage.MaxQueryLength} 个字符";
        }
        else
        {
            var found = IdNumberLike().IsMatch(query)
                ? await store.FindByIdNumberAsync(query.ToUpperInvariant(), token).ConfigureAwait(false)
                : await store.SearchByNameAsync(query, 200, token).ConfigureAwait(false);
            results = [.. found.GroupBy(r => r.RecordId).Select(g => g.MaxBy(r => r.Version)!)]; // each record once, at its newest version
            var away = await merges.MergedIntoAsync([.. results.Select(r => r.RecordId)], token).ConfigureAwait(false);
            mergedAway = results.Count(r => away.ContainsKey(r.RecordId));
            results = [.. results.Where(r => !away.ContainsKey(r.RecordId))]; // a person collected twice and merged: found once, as the record kept
            await AuditAsync(office, context, "查询", "search", $"“{query}”，{results.Count} 条", token).ConfigureAwait(false);
        }
        return Page(Html.Page("查询", User(context), SearchPage.Body(query, results, problem, mergedAway), Token(context, antiforgery)));
    }

    private static async Task<IResult> RecordAsync(HttpContext context, IAntiforgery antiforgery, IDistrictStore store, IOfficeStore office, IRecordMergeStore merges,
        ICorrectionStore corrections, Guid id, int? version, CancellationToken token)
    {
        var record = await store.RecordAsync(id, version, token).ConfigureAwait(false);
        if (record is null)
        {
            return Page(Html.Page("记录不存在", User(context), "<p class=\"bad\">没有这条记录（或没有这一版）。请从<a href=\"/search\">查询</a>进入。</p>"), StatusCodes.Status404NotFound);
        }
        var intact = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var photo in record.Photos)
        {
            var bytes = await store.PhotoAsync(photo.Sha256, token).ConfigureAwait(false);
            intact[photo.Sha256] = bytes is not null && Convert.ToHexStringLower(SHA256.HashData(bytes)) == photo.Sha256 && Records.Rules.PhotoLimits.Check(photo.Kind, bytes) is null;
        }
        var user = User(context);
        var subject = "record:" + id.ToString("D");
        await AuditAsync(office, context, "查看记录", subject, $"第 {record.Version} 版", token).ConfigureAwait(false);
        var view = new RecordView(record, await store.RecordVersionsAsync(id, token).ConfigureAwait(false), await store.FlagsAsync(id, token).ConfigureAwait(false),
            await store.SignatureAsync(id, record.Version, token).ConfigureAwait(false), intact, await office.AuditAsync(subject, 200, token).ConfigureAwait(false), StaffRoles.MayReview(user.Role),
            await store.ProvenanceAsync(id, record.Version, token).ConfigureAwait(false), await merges.MergesAsync(id, token).ConfigureAwait(false))
        {
            Corrections = await corrections.CorrectionsOfRecordAsync(id, token).ConfigureAwait(false),
            Copies = await corrections.VersionCopiesAsync(id, token).ConfigureAwait(false),
        };
        return Page(Html.Page("采集记录：" + (record.Text("identity.name") ?? "（无姓名）"), user, RecordPage.Body(view, Token(context, antiforgery)), Token(context, antiforgery)));
    }

    private static async Task<IResult> PhotoAsync(HttpContext context, IDistrictStore store, IOfficeStore office, string sha, Guid record, CancellationToken token)
    {
        var owner = await store.RecordAsync(record, null, token).ConfigureAwait(false);
        var versions = owner is null ? [] : await store.RecordVersionsAsync(record, token).ConfigureAwait(false);
        var referenced = false;
        foreach (var v in versions)
        {
            referenced |= (await store.RecordAsync(record, v.Version, token).ConfigureAwait(false))!.Photos.Any(p => p.Sha256 == sha);
        }
        var bytes = referenced ? await store.PhotoAsync(sha, token).ConfigureAwait(false) : null;
        if (bytes is null)
        {
            return Results.Text("没有这张照片", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha || !Records.Rules.PhotoLimits.IsJpeg(bytes))
        {
            return Results.Text("照片数据已损坏，无法显示：请在下次对接时重新采集照片", "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        await AuditAsync(office, context, "查看照片", "record:" + record.ToString("D"), sha[..12], token).ConfigureAwait(false);
        return Results.File(bytes, "image/jpeg");
    }

    private static async Task<IResult> ResolveAsync(HttpContext context, IDistrictStore store, IOfficeStore office, Guid id, int version, int position,
        [FromForm(Name = Html.AntiforgeryFieldName)] string? csrf, CancellationToken token)
    {
        var user = User(context);
        if (await store.ResolveFlagAsync(id, version, position, user.UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false))
        {
            await AuditAsync(office, context, "核实问题", "record:" + id.ToString("D"), $"第 {version} 版第 {position + 1} 项", token).ConfigureAwait(false);
        }
        return Results.Redirect($"/records/{id:D}?version={version}");
    }

    private static Task AuditAsync(IOfficeStore office, HttpContext context, string action, string subject, string detail, CancellationToken token) =>
        office.AppendAuditAsync(new OfficeAuditEntry(DateTimeOffset.UtcNow, User(context).UserName, action, subject, detail), token);

    private static OfficeUser User(HttpContext context) => OfficeUser.Of(context.User) ?? throw new InvalidOperationException("an office page without a session");

    private static string Token(HttpContext context, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(context).RequestToken ?? "";

    private static IResult Page(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    /// <summary>A return address only when it is a path of this site (never another host: no open redirect).</summary>
    private static string LocalOrProgress(string? returnUrl) =>
        returnUrl is { Length: > 1 } u && u[0] == '/' && u[1] != '/' && u[1] != '\\' && !u.Contains("://", StringComparison.Ordinal) ? u : "/progress";

    [GeneratedRegex("^([0-9]{17}[0-9Xx]|[0-9]{15})$")]
    private static partial Regex IdNumberLike();
}
