namespace Terminal.Drivers.IdCard.Transport;

/// <summary>Beep and LED on the handheld's panel when a card is read or fails (the panel driver implements it).</summary>
public interface ICardFeedback
{
    /// <summary>A card was read.</summary>
    void CardRead();

    /// <summary>A card could not be read.</summary>
    void CardFailed();
}
