namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>SW3, the SAM's own status byte (idcard.md §2.2; 23 from one source only).</summary>
public enum SamStatus : byte
{
    /// <summary>90: operation OK.</summary>
    Ok = 0x90,
    /// <summary>9F: find card OK.</summary>
    CardFound = 0x9F,
    /// <summary>10: the host's frame had a wrong checksum.</summary>
    ChecksumError = 0x10,
    /// <summary>11: the host's frame had a wrong length.</summary>
    LengthError = 0x11,
    /// <summary>21: the host's command was wrong.</summary>
    CommandError = 0x21,
    /// <summary>23: unauthorised operation (越权).</summary>
    Unauthorised = 0x23,
    /// <summary>24: unrecognised error.</summary>
    UnknownError = 0x24,
    /// <summary>31: the card failed to authenticate the SAM.</summary>
    CardAuthenticationFailed = 0x31,
    /// <summary>32: the SAM failed to authenticate the card.</summary>
    SamAuthenticationFailed = 0x32,
    /// <summary>33: information verification error.</summary>
    VerificationError = 0x33,
    /// <summary>40: unrecognised card type.</summary>
    UnknownCardType = 0x40,
    /// <summary>41: reading the card failed.</summary>
    ReadFailed = 0x41,
    /// <summary>47: getting a random number failed.</summary>
    RandomNumberFailed = 0x47,
    /// <summary>60: the SAM's self-test failed; it accepts no more commands.</summary>
    SelfTestFailed = 0x60,
    /// <summary>66: the SAM is not authorised.</summary>
    NotAuthorised = 0x66,
    /// <summary>80: find card failed (no card).</summary>
    NoCard = 0x80,
    /// <summary>81: select card failed.</summary>
    SelectFailed = 0x81,
    /// <summary>91: no content for this item (e.g. no appended address).</summary>
    NoContent = 0x91,
}
