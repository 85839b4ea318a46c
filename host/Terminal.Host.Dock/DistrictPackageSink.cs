using Terminal.Dock.Packages;
using Terminal.Dock.Pull;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using AuditEntry = Terminal.Host.Storage.Model.AuditEntry;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Host.Dock;

/// <summary>
/// <see cref="IPackageSink"/> over the district database: each package is unsealed with the district's private key
/// (record and photos, under the contexts the terminal sealed them with), checked against its own header, and the
/// docking's packages are committed in one <see cref="IDistrictStore.CommitAsync"/> together with the terminal's
/// audit entries that continue the chain already held (exactly once: what is already stored identically is skipped).
/// A package that fails verification is kept in quarantine (<see cref="IDistrictDockStore.QuarantineAsync"/>) with
/// the reason, never committed and never receipted, so it also stays on the terminal. This is the minimal ingest
/// step; the rule checks and flags grow in the host service.
/// </summary>
public sealed class DistrictPackageSink : IPackageSink
{
    private readonly IDistrictStore _store;
    private readonly IDistrictDockStore _dock;
    private readonly DistrictKeyPair _districtKey;
    private readonly TimeProvider _time;

    /// <summary>The sink into <paramref name="store"/>, opening packages with <paramref name="districtKey"/> (neither owned).</summary>
    public DistrictPackageSink(IDistrictStore store, IDistrictDockStore dock, DistrictKeyPair districtKey, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _dock = dock ?? throw new ArgumentNullException(nameof(dock));
        _districtKey = districtKey ?? throw new ArgumentNullException(nameof(districtKey));
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task<PackageState> StateAsync(string terminalId, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (recordId, version) = ParsePackageId(entry.PackageId);
        if (await _dock.PackageHeldAsync(terminalId, entry.Sequence, recordId, version, cancellationToken).ConfigureAwait(false))
        {
            return PackageState.Committed;
        }
        var quarantined = await _dock.QuarantinedAsync(terminalId, cancellationToken).ConfigureAwait(false);
        return quarantined.Any(q => q.Sequence == entry.Sequence && q.Sha256 == entry.Sha256) ? PackageState.Quarantined : PackageState.New;
    }

    /// <inheritdoc/>
    public async Task<long> AuditHeldAsync(string terminalId, CancellationToken cancellationToken) =>
        (await _dock.LastAuditEntryAsync(terminalId, cancellationToken).ConfigureAwait(false))?.Sequence ?? 0;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RefusedPackage>> CommitAsync(string terminalId, IReadOnlyList<ReceivedPackage> packages, ReadOnlyMemory<byte> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var entries = await ContinuingAuditAsync(terminalId, audit, cancellationToken).ConfigureAwait(false);
        var opened = new List<(ReceivedPackage Package, IngestedRecord Record, List<PhotoBlob> Photos)>();
        var refused = new List<(ReceivedPackage Package, string Reason)>();
        foreach (var package in packages)
        {
            try
            {
                var (record, blobs, strokes) = Open(package);
                opened.Add((package, new IngestedRecord(record, package.Entry.Sequence, [], strokes), blobs));
            }
            catch (DockProtocolException e)
            {
                refused.Add((package, e.Message));
            }
        }
        var now = _time.GetUtcNow();
        try
        {
            await _store.CommitAsync(Batch(terminalId, now, opened, entries), cancellationToken).ConfigureAwait(false);
        }
        catch (IngestConflictException) when (opened.Count > 0)
        {
            // one package contradicts what the district holds: commit the audit entries, then each package alone, and
            // quarantine those that conflict; a conflict of the audit entries themselves ends the docking
            await _store.CommitAsync(Batch(terminalId, now, [], entries), cancellationToken).ConfigureAwait(false);
            foreach (var one in opened)
            {
                try
                {
                    await _store.CommitAsync(Batch(terminalId, now, [one], []), cancellationToken).ConfigureAwait(false);
                }
                catch (IngestConflictException e)
                {
                    refused.Add((one.Package, e.Message));
                }
            }
        }
        foreach (var (package, reason) in refused)
        {
            await _dock.QuarantineAsync(new QuarantinedPackage(terminalId, package.Entry.Sequence, package.Entry.Sha256, package.Entry.PackageId, reason, now, package.Bytes), cancellationToken).ConfigureAwait(false);
        }
        return [.. refused.Select(r => new RefusedPackage(r.Package.Entry.Sequence, r.Package.Entry.PackageId, "已隔离：" + r.Reason))];
    }

    private static IngestBatch Batch(string terminalId, DateTimeOffset at, IReadOnlyList<(ReceivedPackage Package, IngestedRecord Record, List<PhotoBlob> Photos)> records, IReadOnlyList<AuditEntry> audit)
    {
        var photos = new Dictionary<string, PhotoBlob>();
        foreach (var blob in records.SelectMany(r => r.Photos))
        {
            photos.TryAdd(blob.Sha256, blob);
        }
        return new IngestBatch(terminalId, at, [.. records.Select(r => r.Record)], [.. photos.Values], audit);
    }

    /// <summary>
    /// The terminal's audit frames as district entries, after checking that they continue the chain held for it: each
    /// hash, the link to the entry before (the last one held for the first), no gap, checkpoints signed by the
    /// terminal's registered key. Anything else ends the docking with nothing committed.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> ContinuingAuditAsync(string terminalId, ReadOnlyMemory<byte> audit, CancellationToken cancellationToken)
    {
        if (audit.IsEmpty)
        {
            return [];
        }
        var frames = new List<(Terminal.Storage.Audit.AuditEntry Entry, byte[] Frame)>();
        for (var at = 0; at < audit.Length;)
        {
            if (!AuditEntryCodec.TryDecode(audit.Span[at..], out var entry, out var used))
            {
                throw new DockProtocolException($"终端 {terminalId} 的审计记录无法读取：本次对接的数据均未入库，请联系技术人员");
            }
            frames.Add((entry!, audit.Span.Slice(at, used).ToArray()));
            at += used;
        }
        Terminal.Storage.Audit.AuditEntry? after = null;
        if (await _dock.LastAuditEntryAsync(terminalId, cancellationToken).ConfigureAwait(false) is { } last)
        {
            after = AuditEntryCodec.TryDecode(last.Body, out var decoded, out _) ? decoded
                : throw new DockProtocolException($"本区保存的终端 {terminalId} 审计记录第 {last.Sequence} 条无法读取：请联系技术人员");
        }
        var registration = await _store.TerminalAsync(terminalId, cancellationToken).ConfigureAwait(false)
            ?? throw new DockProtocolException($"终端 {terminalId} 未在本区登记：不接收其数据");
        var report = AuditVerifier.Verify([.. frames.Select(f => f.Entry)], SubjectPublicKeyInfo(registration.PublicKey), after);
        if (report.Problems.Count > 0)
        {
            var first = report.Problems[0];
            throw new DockProtocolException($"终端 {terminalId} 的审计链与本区已收到的不相连或被改动：{first.Message} 本次对接的数据均未入库。");
        }
        return [.. frames.Select(f => new AuditEntry(f.Entry.Sequence, f.Entry.Action.ToString(), f.Entry.At,
            Convert.ToHexStringLower(f.Entry.Hash.Span), Convert.ToHexStringLower(f.Entry.PreviousHash.Span), f.Frame))];
    }

    /// <summary>The registered key as SubjectPublicKeyInfo (registration holds it so, or as the 65-byte point).</summary>
    private static byte[] SubjectPublicKeyInfo(byte[] key)
    {
        if (key.Length != Terminal.Dock.Session.DockKeys.PointLength || key[0] != 0x04)
        {
            return key;
        }
        using var ecdsa = Terminal.Dock.Session.DockKeys.VerifyingKey(key);
        return ecdsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>
    /// The record, its photos (and the signature image, stored with the photos by its hash) and the signature's strokes
    /// of a package, each unsealed and checked against the hashes the record names; throws <see cref="DockProtocolException"/>
    /// (Chinese) for anything that does not verify.
    /// </summary>
    private (Records.Model.Record Record, List<PhotoBlob> Photos, byte[] Strokes) Open(ReceivedPackage package)
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
            // a corrected version (N+1) carries only its new photos; those it keeps from version N the district holds (checked at commit)
            if (record.RecordId != contents.RecordId || record.Version != contents.Version || contents.SealedPhotos.Count > record.Photos.Length)
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
            byte[] strokes = [];
            if (record.Signature is { } signature)
            {
                if (contents.SealedStrokes.Length == 0 || contents.SealedSignatureImage.Length == 0)
                {
                    throw new DockProtocolException($"序号 {package.Entry.Sequence} 的记录已签字，但数据包中没有签字笔迹或签字图像：未入库");
                }
                strokes = DistrictSeal.Open(_districtKey, TerminalStore.SignatureStrokesContext(contents.RecordId, contents.Version), contents.SealedStrokes);
                var image = DistrictSeal.Open(_districtKey, TerminalStore.SignatureImageContext(contents.RecordId, contents.Version), contents.SealedSignatureImage);
                if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(strokes)) != signature.StrokesSha256
                    || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image)) != signature.ImageSha256)
                {
                    throw new DockProtocolException($"序号 {package.Entry.Sequence} 的签字笔迹或签字图像与记录不符：未入库");
                }
                blobs.Add(new PhotoBlob(signature.ImageSha256, "image/png", image));
            }
            else if (contents.SealedStrokes.Length > 0 || contents.SealedSignatureImage.Length > 0)
            {
                throw new DockProtocolException($"序号 {package.Entry.Sequence} 的记录未签字，数据包却带有签字：未入库");
            }
            return (record, blobs, strokes);
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
