using Terminal.Dock.Push;

namespace Terminal.Host.Dock;

/// <summary>What the office has queued for a terminal (operators, roster updates, correction lists): sent after the pull.</summary>
public interface IDockPushSource
{
    /// <summary>The pushes waiting for <paramref name="terminalId"/>, in the order to send them; asked once the pull is committed.</summary>
    Task<IReadOnlyList<PushItem>> PendingAsync(string terminalId, CancellationToken cancellationToken);

    /// <summary>The terminal's answers: applied (or applied before) ones are done; refused ones stay queued for the next docking.</summary>
    Task DeliveredAsync(string terminalId, IReadOnlyList<PushAck> answers, CancellationToken cancellationToken);
}
