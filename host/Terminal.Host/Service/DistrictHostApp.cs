using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Serilog;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Serilog.Events;
using Terminal.Host.Configuration;
using Terminal.Host.Storage;
using Terminal.Host.Web;
using Terminal.Records.Codes;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Service;

/// <summary>
/// Builds the district host: the Generic Host as a Windows service (AddWindowsService) or a systemd unit
/// (AddSystemd, Type=notify) — each active only under its service manager — with validated options, Serilog to
/// console and file, the district key and database opened before anything is served, and the status page.
/// </summary>
public static class DistrictHostApp
{
    /// <summary>The Windows service's name (sc.exe, New-Service).</summary>
    public const string ServiceName = "TerminalHost";

    /// <summary>The prefix of environment variables that override settings, e.g. TERMINAL_HOST_Listen__Port.</summary>
    public const string EnvironmentPrefix = "TERMINAL_HOST_";

    /// <summary>The host, not started. <paramref name="settingsFile"/> (optional) is read after appsettings.json.</summary>
    public static WebApplication Build(string? settingsFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory, // a Windows service starts in System32: settings sit beside the program
            Args = [],
        });
        if (settingsFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);

        builder.Services.AddWindowsService(o => o.ServiceName = ServiceName);
        builder.Services.AddSystemd();
        // Stopping waits for running work up to this long (the Windows service manager allows about 20 s by default);
        // every commit is one database transaction, so a stop at any moment leaves no half-imported record.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        AddOptions<DistrictOptions, DistrictOptionsValidator>(builder, DistrictOptions.Section);
        AddOptions<DatabaseOptions, DatabaseOptionsValidator>(builder, DatabaseOptions.Section);
        AddOptions<Configuration.ListenOptions, ListenOptionsValidator>(builder, Configuration.ListenOptions.Section);
        AddOptions<DistrictKeyOptions, DistrictKeyOptionsValidator>(builder, DistrictKeyOptions.Section);
        AddOptions<ReportsOptions, ReportsOptionsValidator>(builder, ReportsOptions.Section);

        var logFolder = LogFolderOf(builder.Configuration);
        builder.Services.AddSerilog((_, log) =>
        {
            log.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            if (logFolder is not null)
            {
                log.WriteTo.File(Path.Combine(logFolder, "host-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 90,
                    formatProvider: CultureInfo.InvariantCulture);
            }
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var listen = kestrel.ApplicationServices.GetRequiredService<IOptions<Configuration.ListenOptions>>().Value;
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(listen.Address), listen.Port, endpoint =>
            {
                if (listen.UsesTls)
                {
                    endpoint.UseHttps(TlsCertificate.Load(listen));
                }
            });
        });

        // First of the hosted services: the district key opens before data protection's own hosted service (registered
        // by the cookie authentication below) loads the dashboard's keys, which are encrypted under it.
        builder.Services.AddHostedService<DistrictStartup>();
        builder.Services.AddSingleton<DistrictKeyRing>();
        builder.Services.AddSingleton(s =>
            Cli.HostSettings.DatabaseOf(s.GetRequiredService<IOptions<DistrictOptions>>().Value, s.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        builder.Services.AddSingleton(s => new DistrictStore(s.GetRequiredService<DistrictDatabase>()));
        builder.Services.AddSingleton<IDistrictStore>(s => s.GetRequiredService<DistrictStore>());
        builder.Services.AddSingleton<IOfficeStore>(s => s.GetRequiredService<DistrictStore>());
        builder.Services.AddSingleton<IQualityStore>(s => s.GetRequiredService<DistrictStore>());
        builder.Services.AddSingleton<IRecordMergeStore>(s => s.GetRequiredService<DistrictStore>());
        builder.Services.AddSingleton<IFlaggedCardStore>(s => s.GetRequiredService<DistrictStore>());
        builder.Services.AddSingleton<IDistrictDockStore>(s => s.GetRequiredService<DistrictStore>());
        builder.Services.AddSingleton<ICorrectionStore>(s => s.GetRequiredService<DistrictStore>());
        Dashboard.AddServices(builder.Services);
        Dashboard.AddReports(builder.Services);
        var keys = builder.Services.AddDataProtection().SetApplicationName("terminal-host");
        if (logFolder is not null)
        {
            // The session and antiforgery cookies' keys survive restarts (sessions stay valid), encrypted under the
            // district key on every system (DPAPI would protect them only on Windows, and from no local administrator).
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(logFolder)!, "dashboard-keys")));
            builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(s =>
                new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new DashboardKeyEncryptor(s.GetRequiredService<DistrictKeyRing>())));
        }
        builder.Services.AddHostedService<DockingService>();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // img-src data: for the office entry page, which shows the photos accepted so far from the form itself (never stored until saved);
            // script-src 'self': only the host's own script files (the 审核 page's select-all), never an inline script, so text a page shows cannot run
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
            // Pages and photos hold personal data: no copies in the browser's cache. Written as the antiforgery token
            // writes them, so that it does not log a warning on every page for overriding them.
            context.Response.Headers.CacheControl = "no-cache, no-store";
            context.Response.Headers.Pragma = "no-cache";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.UseStatusCodePages(StatusPage.ErrorAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        Dashboard.Map(app);
        // Handlers take their services as parameters: a lambda of HttpContext alone would be a RequestDelegate whose result is dropped.
        app.MapGet("/", async (IServiceProvider services, CancellationToken token) =>
            Results.Content(StatusPage.Html(await StatusOfAsync(services, token).ConfigureAwait(false)), "text/html; charset=utf-8"));
        app.MapGet("/api/status", async (IServiceProvider services, CancellationToken token) => Results.Json(await StatusOfAsync(services, token).ConfigureAwait(false)));
        return app;
    }

    private static async Task<HostStatus> StatusOfAsync(IServiceProvider services, CancellationToken token)
    {
        var district = services.GetRequiredService<IOptions<DistrictOptions>>().Value;
        var key = services.GetRequiredService<DistrictKeyRing>().Key;
        var counts = await services.GetRequiredService<IDistrictStore>().CountsAsync(token).ConfigureAwait(false);
        return new HostStatus(district.Code, AdministrativeDivisions.FullName(district.Code),
            services.GetRequiredService<DistrictDatabase>().Kind == DatabaseKind.Postgres ? "PostgreSQL" : "SQLite（内嵌文件）",
            key.Suite == DistrictSuite.Sm2 ? "SM2" : "P-256", Convert.ToHexStringLower(key.PublicKey.KeyId), counts,
            typeof(DistrictHostApp).Assembly.GetName().Version?.ToString() ?? "");
    }

    private static void AddOptions<TOptions, TValidator>(WebApplicationBuilder builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>DataFolder/logs when the data folder is set to an absolute path (else only the console: the settings are reported invalid).</summary>
    private static string? LogFolderOf(ConfigurationManager configuration)
    {
        var district = new DistrictOptions();
        configuration.GetSection(DistrictOptions.Section).Bind(district);
        return Path.IsPathFullyQualified(district.DataFolder) ? Path.Combine(district.DataFolder, "logs") : null;
    }
}
