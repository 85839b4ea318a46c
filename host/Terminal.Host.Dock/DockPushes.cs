using System.Security.Cryptography;
using System.Text;
using Terminal.Dock.Push;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Storage.Store;

namespace Terminal.Host.Dock;

/// <summary>
/// What a docking terminal gets after its pull: the office's queued pushes (<see cref="DistrictPushes"/>), then its
/// collection point's correction list (<see cref="ICorrectionStore"/>), built fresh at each docking from the open items
/// (待发送, 已下发), each carrying the reviewed version's canonical serialisation as stored. The list is sent only when
/// it differs from the one the terminal last applied whole (so an idle docking does not rewrite it), an empty list
/// once after the last open item left it; the answers move the items to 已下发.
/// </summary>
public sealed class DockPushes : IDockPushSource
{
    private readonly DistrictPushes _queued;
    private readonly ICorrectionStore _corrections;
    private readonly TimeProvider _time;

    /// <summary>The queue and the correction items of the district database (<paramref name="store"/>, not owned).</summary>
    public DockPushes(DistrictStore store, TimeProvider? time = null)
        : this(new DistrictPushes(store ?? throw new ArgumentNullException(nameof(store)), time), store, time)
    {
    }

    /// <summary>The queued pushes of <paramref name="queued"/> and the lists of <paramref name="corrections"/> (neither owned).</summary>
    public DockPushes(DistrictPushes queued, ICorrectionStore corrections, TimeProvider? time = null)
    {
        _queued = queued ?? throw new ArgumentNullException(nameof(queued));
        _corrections = corrections ?? throw new ArgumentNullException(nameof(corrections));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The digest naming a list by its items (order-independent), as kept for the list a terminal applied.</summary>
    public static string Digest(IEnumerable<Guid> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var text = string.Join('\n', itemIds.Select(i => i.ToString("D")).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PushItem>> PendingAsync(string terminalId, CancellationToken cancellationToken)
    {
        var pushes = new List<PushItem>(await _queued.PendingAsync(terminalId, cancellationToken).ConfigureAwait(false));
        var list = await _corrections.CorrectionListAsync(terminalId, cancellationToken).ConfigureAwait(false);
        var digest = Digest(list.Items.Select(i => i.ItemId));
        var applied = list.AppliedDigest.Length == 0 ? Digest([]) : list.AppliedDigest;
        if (digest == applied)
        {
            return pushes;
        }
        var items = list.Items.Select(i => new CorrectionItem(i.RecordId, i.Version, i.Kind == ReviewDecision.Missing ? CorrectionKind.Missing : CorrectionKind.Problem,
            i.Fields, i.Note) { ReviewedRecord = Encoding.UTF8.GetString(i.ReviewedCanonical) }).ToList();
        var parts = PushItem.Corrections(list.CollectionPoint, items);
        var sent = new List<CorrectionPartSent>();
        var at = 0;
        foreach (var part in parts)
        {
            var count = part.Read<CorrectionsPush>().Items.Count;
            sent.Add(new CorrectionPartSent(part.Id, sent.Count + 1, parts.Count, digest, [.. list.Items.Skip(at).Take(count).Select(i => i.ItemId)]));
            at += count;
        }
        await _corrections.CorrectionListSentAsync(terminalId, sent, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        pushes.AddRange(parts);
        return pushes;
    }

    /// <inheritdoc/>
    public async Task DeliveredAsync(string terminalId, IReadOnlyList<PushAck> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var queued = new List<PushAck>();
        foreach (var answer in answers)
        {
            if (!await _corrections.CorrectionListAnsweredAsync(terminalId, answer.Id, answer.Status != PushStatus.Refused, answer.Message, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                queued.Add(answer);
            }
        }
        await _queued.DeliveredAsync(terminalId, queued, cancellationToken).ConfigureAwait(false);
    }
}
