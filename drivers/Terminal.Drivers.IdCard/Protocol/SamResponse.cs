namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>A reply frame from the SAM: the card's APDU status (SW1, SW2), the SAM's status (SW3), and the data.</summary>
public sealed record SamResponse(byte Sw1, byte Sw2, SamStatus Status, ReadOnlyMemory<byte> Data)
{
    /// <summary>True for 90 and 9F.</summary>
    public bool IsSuccess => Status is SamStatus.Ok or SamStatus.CardFound;
}

/// <summary>A request frame from the host (what the simulator reads).</summary>
public sealed record SamRequest(SamCommand Command, ReadOnlyMemory<byte> Data);
