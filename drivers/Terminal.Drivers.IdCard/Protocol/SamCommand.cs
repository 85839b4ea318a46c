namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>A SAM command: CMD and Para bytes (idcard.md §2.1, each seen in two or more sources).</summary>
public readonly record struct SamCommand(byte Code, byte Parameter)
{
    /// <summary>10 FF: reset the SAM.</summary>
    public static readonly SamCommand Reset = new(0x10, 0xFF);

    /// <summary>11 FF: SAM status check.</summary>
    public static readonly SamCommand Status = new(0x11, 0xFF);

    /// <summary>12 FF: read the SAM's management number (SAM ID).</summary>
    public static readonly SamCommand ReadSamId = new(0x12, 0xFF);

    /// <summary>20 01: find card (寻卡); success is SW3 = 9F.</summary>
    public static readonly SamCommand FindCard = new(0x20, 0x01);

    /// <summary>20 02: select card (选卡).</summary>
    public static readonly SamCommand SelectCard = new(0x20, 0x02);

    /// <summary>30 01: read text and photo (读基本信息).</summary>
    public static readonly SamCommand ReadTextAndPhoto = new(0x30, 0x01);

    /// <summary>30 10: read text, photo and fingerprint.</summary>
    public static readonly SamCommand ReadTextPhotoAndFingerprint = new(0x30, 0x10);

    /// <summary>30 03: read the appended (new) address (追加住址); SW3 = 91 when there is none.</summary>
    public static readonly SamCommand ReadAppendedAddress = new(0x30, 0x03);

    /// <summary>The commands the terminal uses, for the simulator and the tests.</summary>
    public static IReadOnlyList<SamCommand> All { get; } =
        [Reset, Status, ReadSamId, FindCard, SelectCard, ReadTextAndPhoto, ReadTextPhotoAndFingerprint, ReadAppendedAddress];

    /// <inheritdoc/>
    public override string ToString() => $"{Code:X2} {Parameter:X2}";
}
