using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>The outcome of one attempt to read a card, with the Chinese message the field worker sees.</summary>
public abstract record CardReadResult(string Message)
{
    /// <summary>A card was read.</summary>
    public sealed record Read(CardData Card) : CardReadResult("读卡成功");

    /// <summary>No card on the reader.</summary>
    public sealed record NoCard() : CardReadResult(SamStatusText.For(SamStatus.NoCard));

    /// <summary>The card was there but could not be read (moved, removed, refused); <paramref name="Status"/> is null for a broken reply.</summary>
    public sealed record Failed(SamStatus? Status, string Reason) : CardReadResult(Reason);

    /// <summary>The reader is not connected or stopped answering.</summary>
    public sealed record ReaderUnavailable(string Reason) : CardReadResult(Reason);
}
