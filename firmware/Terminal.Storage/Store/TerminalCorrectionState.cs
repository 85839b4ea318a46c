namespace Terminal.Storage.Store;

/// <summary>Where an item of the correction list stands on this terminal.</summary>
public enum TerminalCorrectionState
{
    /// <summary>待补正: not opened yet.</summary>
    ToCorrect = 1,

    /// <summary>补正中: a draft of version N+1 exists.</summary>
    InProgress = 2,

    /// <summary>已补正，待对接: version N+1 was finalized; it goes to the district at the next docking.</summary>
    Corrected = 3,
}
