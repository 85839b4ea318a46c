using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Terminal.Firmware.Web;
using Terminal.Records.Forms;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Maintenance;

/// <summary>
/// The support bundle (`terminal diagnostics`): a .zip a technician can hand on without personal data — versions,
/// the settings (device paths and folders; the terminal holds no secret in its settings, keys live only in the store),
/// the store's counts, the self-test, and the logs with every ID number and mobile phone number replaced. Nothing is
/// read from the store beyond its counts and terminal id: no operator logs in.
/// </summary>
public static partial class SupportBundle
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the bundle to <paramref name="zipPath"/>; <paramref name="logFolder"/> (optional) holds the *.log files.</summary>
    public static async Task WriteAsync(string zipPath, TerminalAppOptions options, IReadOnlyList<SelfTestCheck> selfTest, string? logFolder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(selfTest);
        await using var file = new FileStream(zipPath, FileMode.CreateNew, FileAccess.Write);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "versions.txt", string.Join('\n',
                $"终端程序 {typeof(SupportBundle).Assembly.GetName().Version}",
                $"采集表版本 {FormDefinitions.Current.Version}",
                $".NET {Environment.Version}",
                $"系统 {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}",
                $"生成时间 {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC") + "\n");
            Add(zip, "settings.json", JsonSerializer.Serialize(new
            {
                options.StoreFolder,
                options.CollectionPointCode,
                reader = options.Reader.PortName,
                pad = options.Pad.PortName,
                camera = options.DemoCamera ? "demo" : options.Camera.DevicePath,
                networkFolder = options.NetworkGuard.InterfacesFolder,
            }, Json));
            Add(zip, "counts.json", Counts(options));
            Add(zip, "selftest.txt", string.Join('\n', selfTest) + "\n");
            if (logFolder is not null && Directory.Exists(logFolder))
            {
                foreach (var log in Directory.EnumerateFiles(logFolder, "*.log").Order(StringComparer.Ordinal))
                {
                    Add(zip, "logs/" + Path.GetFileName(log), Scrub(await File.ReadAllTextAsync(log).ConfigureAwait(false)));
                }
            }
        }
        await file.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The text with ID numbers (18 and 15 digits) and mobile numbers replaced by placeholders.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MobileNumber().Replace(IdNumberLike().Replace(text, "[证件号码已隐去]"), "[电话号码已隐去]");
    }

    private static string Counts(TerminalAppOptions options)
    {
        try
        {
            using var store = TerminalStore.Open(new TerminalStoreOptions { Folder = options.StoreFolder });
            var c = store.Counts();
            return JsonSerializer.Serialize(new { terminalId = store.TerminalId, drafts = c.Drafts, outbox = c.Outbox, collected = c.Collected, initialData = c.InitialData, auditEntries = c.AuditEntries }, Json);
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            return JsonSerializer.Serialize(new { problem = e.Message }, Json);
        }
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumberLike();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex MobileNumber();
}
