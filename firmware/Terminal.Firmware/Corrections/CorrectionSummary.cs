using Terminal.Storage.Store;

namespace Terminal.Firmware.Corrections;

/// <summary>
/// One line of the 待补正 list: the item and its state, the subject's name from the reviewed record, the fields
/// concerned by their form labels, and why it cannot be opened when its reviewed record does not read.
/// </summary>
public sealed record CorrectionSummary(TerminalCorrectionEntry Entry, string SubjectName, IReadOnlyList<string> FieldLabels, string? Problem)
{
    /// <summary>True when the worker can open it (not yet corrected, and its reviewed record reads).</summary>
    public bool CanOpen => Entry.State != TerminalCorrectionState.Corrected && Problem is null;
}
