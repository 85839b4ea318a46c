using System.Security.Cryptography;
using Terminal.Host.Dock;
using Terminal.Host.Storage;
using Terminal.Records.Serialization;
using Terminal.Storage.Store;
using Terminal.Testing.Dock;

namespace Terminal.Testing.Soak;

/// <summary>What the district host must hold after the day; each check returns the problems it found, naming them.</summary>
public static class HostChecks
{
    /// <summary>
    /// Every subject once; each record signed, its signature bound to its content (the content hash), the strokes the
    /// host holds those that were signed, the signature's image held; returns how many records passed.
    /// </summary>
    public static async Task<int> RecordsAsync(DistrictStore host, IReadOnlyCollection<string> idNumbers, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(idNumbers);
        ArgumentNullException.ThrowIfNull(problems);
        var verified = 0;
        foreach (var idNumber in idNumbers)
        {
            var found = await host.FindByIdNumberAsync(idNumber, cancellationToken).ConfigureAwait(false);
            if (found.Count != 1)
            {
                problems.Add($"{idNumber}: the host holds {found.Count} records, not one");
                continue;
            }
            var record = await host.RecordAsync(found[0].RecordId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (record?.Signature is not { } signature)
            {
                problems.Add($"{idNumber}: the record arrived without its signature");
                continue;
            }
            var stored = await host.SignatureAsync(record.RecordId, found[0].Version, cancellationToken).ConfigureAwait(false);
            var image = stored is null ? null : await host.PhotoAsync(stored.ImageSha256, cancellationToken).ConfigureAwait(false);
            if (signature.ContentSha256 != RecordSerializer.ContentHash(record))
            {
                problems.Add($"{idNumber}: the signature does not match the record's content");
            }
            else if (stored is null || stored.ContentSha256 != signature.ContentSha256)
            {
                problems.Add($"{idNumber}: the host's signature row is missing or names other content");
            }
            else if (Convert.ToHexStringLower(SHA256.HashData(stored.Strokes)) != signature.StrokesSha256)
            {
                problems.Add($"{idNumber}: the strokes the host holds are not those signed");
            }
            else if (image is null || Convert.ToHexStringLower(SHA256.HashData(image)) != signature.ImageSha256)
            {
                problems.Add($"{idNumber}: the signature's image is missing or altered");
            }
            else
            {
                verified++;
            }
        }
        return verified;
    }

    /// <summary>
    /// The terminal's audit chain verifies, each purge names a receipt the host's docking log holds, and the host holds
    /// the chain whole, byte for byte, up to at least the last docking's start; the outbox is empty.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AuditChainAsync(DistrictDatabase database, DockLog dockLog, string dockLogPath, string terminalId,
        TerminalStore store, IReadOnlyDictionary<long, OutboxItem> finalized)
    {
        ArgumentNullException.ThrowIfNull(store);
        var problems = new List<string>();
        if (store.Outbox().Count > 0)
        {
            problems.Add($"{terminalId}: {store.Outbox().Count} records still in the outbox after the dockings");
        }
        try
        {
            await DockInvariants.AuditChainsAgreeAsync(database, dockLog, dockLogPath, terminalId, store, finalized, terminalId).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
        }
        return problems;
    }

    /// <summary>The dashboard's counts: records, versions, the progress per collection point and per terminal all say <paramref name="subjects"/>.</summary>
    public static async Task<IReadOnlyList<string>> DashboardAsync(DistrictStore host, int subjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var problems = new List<string>();
        var counts = await host.CountsAsync(cancellationToken).ConfigureAwait(false);
        Check(counts.Records, "records on the dashboard");
        Check(counts.RecordVersions, "record versions on the dashboard");
        // no initial data in the day: every subject counts as 名单外新增 at its collection point
        Check((await host.ProgressAsync(cancellationToken).ConfigureAwait(false)).Sum(p => p.Collected + p.NotOnRoster), "the progress per collection point");
        Check((await host.TerminalProgressAsync(cancellationToken).ConfigureAwait(false)).Sum(p => p.Records), "the progress per terminal");
        return problems;

        void Check(long value, string what)
        {
            if (value != subjects)
            {
                problems.Add($"{what} says {value}, not the day's {subjects}");
            }
        }
    }
}
