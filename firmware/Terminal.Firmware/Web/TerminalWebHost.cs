using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Serilog;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Photos;
using Terminal.Firmware.Signing;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Rules;

namespace Terminal.Firmware.Web;

/// <summary>
/// The terminal's local web host: Kestrel bound to 127.0.0.1 only (the terminal never listens off loopback,
/// ARCHITECTURE.md security model), the field worker's pages (Razor Pages under Pages/, shown full-screen by the
/// kiosk browser), the technician's status page and the category check the pages call.
/// </summary>
public static class TerminalWebHost
{
    /// <summary>The pages' stylesheet, embedded (Web/Assets/terminal.css) so that any host serves it without a wwwroot.</summary>
    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(TerminalWebHost).Assembly.GetManifestResourceStream("Terminal.Firmware.Web.Assets.terminal.css")
            ?? throw new InvalidOperationException("the stylesheet is not embedded in the terminal's program");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Builds the app for <paramref name="options"/>; throws <see cref="ArgumentException"/> with the problems of bad settings.</summary>
    public static WebApplication Build(TerminalAppOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("终端设置有误：" + string.Join("；", problems), nameof(options));
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddSerilog((_, configuration) => configuration
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<TerminalState>();
        builder.Services.AddSingleton<CardReaderService>();
        builder.Services.AddHostedService(s => s.GetRequiredService<CardReaderService>());
        builder.Services.AddSingleton<DockService>();
        builder.Services.AddHostedService(s => s.GetRequiredService<DockService>());
        builder.Services.AddSingleton<CollectionWorkflow>();
        builder.Services.AddSingleton<Corrections.CorrectionWorkflow>();
        builder.Services.AddSingleton(options.Pad);
        builder.Services.AddSingleton<SignaturePadService>();
        builder.Services.AddSingleton<SignatureWorkflow>();
        builder.Services.AddSingleton<PhotoService>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/Login";
            cookie.Cookie.Name = "terminal";
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        });
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/Login");
        }).AddApplicationPart(typeof(TerminalWebHost).Assembly); // the pages live here whoever hosts the app (tests too)
        var app = builder.Build();
        app.MapGet("/terminal.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"));
        app.UseAuthentication();
        app.Use(EndSessionsTheStoreHasLoggedOutAsync);
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/status", () => Results.Content(StatusPage.Html(FormDefinitions.Current), "text/html; charset=utf-8"));
        app.MapGet("/api/status", () => Results.Json(new
        {
            program = typeof(TerminalWebHost).Assembly.GetName().Version?.ToString(),
            formVersion = FormDefinitions.Current.Version,
            referenceDate = FormDefinitions.Current.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        app.MapGet("/api/categories/check", (string? list) =>
        {
            if (!CategorySet.TryParse(list, out var set, out var error))
            {
                return Results.Json(new { allowed = false, messages = new[] { error } });
            }
            var issues = CategoryCombinationRule.Check(set);
            return Results.Json(new { allowed = issues.Count == 0, messages = issues.Select(i => i.Message).ToArray() });
        });
        DeviceEndpoints.Map(app);
        app.MapGet("/api/reader", (CardReaderService reader) => Results.Json(new { connected = reader.Connected, state = reader.State, hasCard = reader.HasCard, problem = reader.LastProblem }));
        return app;
    }

    /// <summary>
    /// A browser session whose operator the store no longer has logged in (the app restarted, the operator logged out
    /// elsewhere) is ended, so the next page asks for the PIN again: the data key lives only in the store's session.
    /// </summary>
    private static async Task EndSessionsTheStoreHasLoggedOutAsync(HttpContext context, RequestDelegate next)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var store = context.RequestServices.GetRequiredService<TerminalState>().Store;
            if (store is null || !store.IsLoggedIn || store.OperatorId != context.User.FindFirstValue(ClaimTypes.Name))
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next(context).ConfigureAwait(false);
    }
}
