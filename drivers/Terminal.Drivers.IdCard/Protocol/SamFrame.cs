namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// The SAM (security module) serial frame, GA 467-2004 as documented in hardware-docs/idcard/protocol.md
/// (facts and sources: the team's reference idcard.md §1).
/// <code>
/// host → SAM:  AA AA AA 96 69 | Len(2, big-endian) | CMD | Para | Data(n)  | CHK
/// SAM → host:  AA AA AA 96 69 | Len(2, big-endian) | SW1 | SW2 | SW3 | Data(n) | CHK
/// Len counts every byte after itself (CHK included); frame = 7 + Len bytes.
/// CHK = XOR of every byte from Len's first byte to the byte before CHK (the preamble is left out).
/// </code>
/// </summary>
public static class SamFrame
{
    /// <summary>AA AA AA 96 69: three sync bytes, then 96 69 marks the frame start.</summary>
    public static ReadOnlySpan<byte> Preamble => [0xAA, 0xAA, 0xAA, 0x96, 0x69];

    /// <summary>Preamble + Len.</summary>
    public const int HeaderLength = 7;

    /// <summary>Offset of Len's high byte.</summary>
    public const int LengthOffset = 5;

    /// <summary>Offset of CMD (requests) or SW1 (responses).</summary>
    public const int BodyOffset = 7;

    /// <summary>Smallest Len of a request: CMD + Para + CHK.</summary>
    public const int MinRequestLength = 3;

    /// <summary>Smallest Len of a response: SW1 + SW2 + SW3 + CHK.</summary>
    public const int MinResponseLength = 4;

    /// <summary>
    /// Largest Len accepted. The longest real reply (text + photo + fingerprint) has Len 0x090A (2,314); anything
    /// much larger is noise, refused before buffering it.
    /// </summary>
    public const int MaxLength = 4096;

    /// <summary>The XOR checksum over <paramref name="lengthAndBody"/> (Len through the byte before CHK).</summary>
    public static byte Checksum(ReadOnlySpan<byte> lengthAndBody)
    {
        byte x = 0;
        foreach (var b in lengthAndBody)
        {
            x ^= b;
        }
        return x;
    }
}
