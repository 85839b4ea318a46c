namespace Terminal.Storage.Store;

/// <summary>An item of the correction list with its state on this terminal.</summary>
public sealed record TerminalCorrectionEntry(CorrectionItem Item, TerminalCorrectionState State);
