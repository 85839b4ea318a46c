using Terminal.Storage.Store;

namespace Terminal.Dock.Push;

/// <summary>
/// Body of a <see cref="PushKind.Corrections"/> push: the whole correction list of one collection point (it replaces
/// the one before). Each item: record id, the version reviewed, "problem" or "missing", field paths, the reviewer's note.
/// </summary>
public sealed record CorrectionsPush(string CollectionPoint, IReadOnlyList<CorrectionItem> Items);
