using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>What the reading loop tells the workflow; each carries the Chinese text to show.</summary>
public abstract record CardEvent(string Message)
{
    /// <summary>The reader answers (again); <paramref name="SamId"/> is its SAM number when it gave one.</summary>
    public sealed record ReaderConnected(string? SamId) : CardEvent("读卡器已连接");

    /// <summary>The reader cannot be reached; the loop keeps trying to reopen it.</summary>
    public sealed record ReaderUnavailable(string Reason) : CardEvent(Reason);

    /// <summary>A card was placed and read: one event per placement.</summary>
    public sealed record CardPlaced(CardData Card) : CardEvent("读卡成功");

    /// <summary>A card is there but could not be read (moved, refused, garbled).</summary>
    public sealed record CardProblem(string Reason) : CardEvent(Reason);
}
