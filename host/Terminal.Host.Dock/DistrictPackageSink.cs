using Terminal.Dock.Packages;
using Terminal.Dock.Pull;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Host.Dock;

/// <summary>
/// <see cref="IPackageSink"/> over the district database: each package is unsealed with the district's private key
/// (record and photos, under the contexts the terminal sealed them with), checked against its own header, and the
/// docking's packages are committed in one <see cref="IDistrictStore.CommitAsync"/> (exactly once: what is already
/// stored identically is skipped). This is the minimal ingest step; the rule checks and flags grow in the host service.
/// </summary>
public sealed class DistrictPackageSink : IPackageSink
{
    private readonly IDistrictStore _store;
    private readonly DistrictKeyPair _districtKey;
    private readonly TimeProvider _time;

    /// <summary>The sink into <paramref name="store"/>, opening packages with <paramref name="districtKey"/> (neither owned).</summary>
    public DistrictPackageSink(IDistrictStore store, DistrictKeyPair districtKey, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _districtKey = districtKey ?? throw new ArgumentNullException(nameof(districtKey));
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task<bool> HoldsAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (recordId, version) = ParsePackageId(entry.PackageId);
        var stored = await _store.RecordAsync(recordId, version, cancellationToken).ConfigureAwait(false);
        return stored is not null;
    }

    /// <inheritdoc/>
    public async Task CommitAsync(string terminalId, IReadOnlyList<ReceivedPackage> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var records = new List<IngestedRecord>();
        var photos = new Dictionary<string, PhotoBlob>();
        foreach (var package in packages)
        {
            var (record, blobs) = Open(package);
            records.Add(new IngestedRecord(record, package.Entry.Sequence, [], []));
            foreach (var blob in blobs)
            {
                photos.TryAdd(blob.Sha256, blob);
            }
        }
        await _store.CommitAsync(new IngestBatch(terminalId, _time.GetUtcNow(), records, [.. photos.Values], []), cancellationToken).ConfigureAwait(false);
    }

    private (Records.Model.Record Record, List<PhotoBlob> Photos) Open(ReceivedPackage package)
    {
        OutboxPackageContents contents;
        try
        {
            contents = OutboxPackage.Decode(package.Bytes);
        }
        catch (FormatException e)
        {
            throw new DockProtocolException($"序号 {package.Entry.Sequence} 的数据包格式不对：未入库", e);
        }
        if (contents.Sequence != package.Entry.Sequence || FormattableString.Invariant($"{contents.RecordId:D}/v{contents.Version}") != package.Entry.PackageId)
        {
            throw new DockProtocolException($"序号 {package.Entry.Sequence} 的数据包与清单不符：未入库");
        }
        try
        {
            var canonical = DistrictSeal.Open(_districtKey, TerminalStore.RecordContext(contents.RecordId, contents.Version), contents.SealedRecord);
            var record = RecordSerializer.Deserialize(canonical);
            if (record.RecordId != contents.RecordId || record.Version != contents.Version || record.Photos.Length != contents.SealedPhotos.Count)
            {
                throw new DockProtocolException($"序号 {package.Entry.Sequence} 的记录与数据包标注的不符：未入库");
            }
            var blobs = new List<PhotoBlob>();
            for (var i = 0; i < contents.SealedPhotos.Count; i++)
            {
                var bytes = DistrictSeal.Open(_districtKey, TerminalStore.FinalizedPhotoContext(contents.RecordId, contents.Version), contents.SealedPhotos[i]);
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                var reference = record.Photos.FirstOrDefault(p => p.Sha256 == sha)
                    ?? throw new DockProtocolException($"序号 {package.Entry.Sequence} 的照片与记录不符：未入库");
                blobs.Add(new PhotoBlob(sha, reference.MediaType, bytes));
            }
            return (record, blobs);
        }
        catch (BrokenSealException e)
        {
            throw new DockProtocolException($"序号 {package.Entry.Sequence} 的数据包无法用本区密钥打开（{e.Message}）：未入库", e);
        }
    }

    /// <summary>"{record id}/v{version}" as the terminal names its packages.</summary>
    internal static (Guid RecordId, int Version) ParsePackageId(string packageId)
    {
        var slash = packageId.IndexOf("/v", StringComparison.Ordinal);
        return slash > 0 && Guid.TryParseExact(packageId[..slash], "D", out var id) && int.TryParse(packageId[(slash + 2)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? (id, version)
            : throw new DockProtocolException($"数据包名称不对：{packageId}");
    }
}
