using System.Net;
using Serilog;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Rules;

namespace Terminal.Firmware.Web;

/// <summary>
/// The terminal's local web host: Kestrel bound to 127.0.0.1 only (the terminal never listens off loopback,
/// ARCHITECTURE.md security model). Today it serves the status page and the category check the UI calls.
/// </summary>
public static class TerminalWebHost
{
    /// <summary>Builds the web application listening on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSerilog((_, configuration) => configuration
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(StatusPage.Html(FormDefinitions.Current), "text/html; charset=utf-8"));
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
        return app;
    }
}
