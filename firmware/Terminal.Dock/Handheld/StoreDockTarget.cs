using System.Security.Cryptography;
using System.Text.Json;
using Terminal.Dock.Packages;
using Terminal.Dock.Pull;
using Terminal.Dock.Push;
using Terminal.Storage.Store;

namespace Terminal.Dock.Handheld;

/// <summary>
/// The terminal's store as the dock link sees it: its outbox as packages (<see cref="OutboxPackage"/>: the sealed
/// record, photos and signature, numbered by the store's sequence, never reused), purged only through
/// <see cref="TerminalStore.PurgeReceipted"/> after a verified receipt; and the host's pushes applied each in one
/// store transaction. The packages of one docking are built once and kept until purged.
/// </summary>
public sealed class StoreDockTarget : IOutbox, IPushTarget
{
    private readonly TerminalStore _store;
    private readonly Lock _gate = new();
    private Dictionary<long, (OutboxEntry Entry, byte[] Bytes)> _packages = [];

    /// <summary>The adapter over <paramref name="store"/> (not owned).</summary>
    public StoreDockTarget(TerminalStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        var items = _store.Outbox();
        lock (_gate)
        {
            var next = new Dictionary<long, (OutboxEntry Entry, byte[] Bytes)>();
            foreach (var item in items)
            {
                if (!_packages.TryGetValue(item.Sequence, out var package))
                {
                    var bytes = OutboxPackage.Encode(item.RecordId, item.Version, item.Sequence, item.SealedRecord.Span, item.SealedPhotos, item.SealedStrokes.Span, item.SealedSignatureImage.Span);
                    package = (new OutboxEntry(item.Sequence, FormattableString.Invariant($"{item.RecordId:D}/v{item.Version}"), bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes);
                }
                next[item.Sequence] = package;
            }
            _packages = next;
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. next.Values.Select(p => p.Entry).OrderBy(e => e.Sequence)]);
        }
    }

    /// <inheritdoc/>
    public async Task<int> ReadAsync(long sequence, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        lock (_gate)
        {
            bytes = _packages.TryGetValue(sequence, out var p) ? p.Bytes : null;
        }
        if (bytes is null)
        {
            await EntriesAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                bytes = _packages.TryGetValue(sequence, out var p) ? p.Bytes : [];
            }
        }
        var n = (int)Math.Clamp(bytes.Length - offset, 0, destination.Length);
        bytes.AsMemory((int)Math.Min(offset, bytes.Length), n).CopyTo(destination);
        return n;
    }

    /// <inheritdoc/>
    public Task<byte[]> AuditAsync(long fromSequence, int maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult(_store.AuditFrames(fromSequence, maxBytes));

    /// <inheritdoc/>
    public Task<IReadOnlyList<long>> PurgeAsync(IReadOnlyList<long> sequences, string receiptSha256, CancellationToken cancellationToken)
    {
        var purged = _store.PurgeReceipted(sequences.ToList(), receiptSha256);
        lock (_gate)
        {
            foreach (var s in purged)
            {
                _packages.Remove(s);
            }
        }
        return Task.FromResult(purged);
    }

    /// <inheritdoc/>
    public Task<PushAck> ApplyAsync(PushItem push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        try
        {
            var outcome = push.Kind switch
            {
                PushKind.Clock => _store.ApplyHostClock(push.Id, push.Read<ClockPush>().HostTime),
                PushKind.Operators => _store.ApplyOperators(push.Id, push.Read<OperatorsPush>().Operators),
                PushKind.InitialData => ApplyInitialData(push),
                PushKind.Corrections => ApplyCorrections(push),
                _ => throw new JsonException("unknown push kind"),
            };
            return Task.FromResult(new PushAck(push.Id, push.Kind, outcome == PushOutcome.Applied ? PushStatus.Applied : PushStatus.AlreadyApplied, ""));
        }
        catch (StoreException e)
        {
            return Task.FromResult(new PushAck(push.Id, push.Kind, PushStatus.Refused, e.Message));
        }
        catch (JsonException)
        {
            return Task.FromResult(new PushAck(push.Id, push.Kind, PushStatus.Refused, "下发数据格式不对：未应用"));
        }
    }

    private PushOutcome ApplyCorrections(PushItem push)
    {
        var body = push.Read<CorrectionsPush>();
        return body.Part >= 1 && body.Part <= body.Parts
            ? _store.ApplyCorrections(push.Id, body.Items, replace: body.Part == 1)
            : throw new JsonException("corrections part out of range");
    }

    private PushOutcome ApplyInitialData(PushItem push)
    {
        var body = push.Read<InitialDataPush>();
        return _store.ApplyInitialDataUpdate(push.Id, body.Upserts, body.Removed);
    }
}
