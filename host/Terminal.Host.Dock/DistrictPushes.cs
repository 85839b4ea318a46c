using Terminal.Dock.Push;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Dock;

/// <summary>
/// The office's pushes for each terminal, kept in the district database (<see cref="IDistrictDockStore"/>), so the
/// queue survives restarts of the host: a push stays queued until the terminal answers "applied" (or "applied
/// before"); a refused one is sent again at the next docking, its reason kept for the office.
/// </summary>
public sealed class DistrictPushes : IDockPushSource
{
    private readonly IDistrictDockStore _store;
    private readonly TimeProvider _time;

    /// <summary>The queue in <paramref name="store"/> (not owned).</summary>
    public DistrictPushes(IDistrictDockStore store, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Queues <paramref name="pushes"/> for <paramref name="terminalId"/>, after what is queued already, in order.</summary>
    public async Task QueueAsync(string terminalId, IEnumerable<PushItem> pushes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(terminalId);
        ArgumentNullException.ThrowIfNull(pushes);
        foreach (var push in pushes)
        {
            if (push.Kind == PushKind.Clock)
            {
                throw new ArgumentException("the clock is sent by the docking itself, never queued", nameof(pushes));
            }
            await _store.QueuePushAsync(new QueuedPush(push.Id, terminalId, (int)push.Kind, push.Body.ToArray(), _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PushItem>> PendingAsync(string terminalId, CancellationToken cancellationToken) =>
        [.. (await _store.PendingPushesAsync(terminalId, cancellationToken).ConfigureAwait(false)).Select(p => new PushItem(p.PushId, (PushKind)p.Kind, p.Body))];

    /// <inheritdoc/>
    public async Task DeliveredAsync(string terminalId, IReadOnlyList<PushAck> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var answer in answers)
        {
            await _store.PushAnsweredAsync(terminalId, answer.Id, answer.Status != PushStatus.Refused, answer.Message, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }
}
