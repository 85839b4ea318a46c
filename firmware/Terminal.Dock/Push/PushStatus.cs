namespace Terminal.Dock.Push;

/// <summary>The terminal's answer to a push.</summary>
public enum PushStatus : byte
{
    /// <summary>Applied now.</summary>
    Applied = 1,

    /// <summary>Applied at an earlier attempt (its answer was lost): nothing done twice.</summary>
    AlreadyApplied = 2,

    /// <summary>Not applied (e.g. nobody logged in, a PIN refused); the message says why in Chinese. The host sends it again next docking.</summary>
    Refused = 3,
}
