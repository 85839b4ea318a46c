using Terminal.Storage.Store;

namespace Terminal.Dock.Push;

/// <summary>
/// Body of a <see cref="PushKind.Corrections"/> push: part <paramref name="Part"/> of <paramref name="Parts"/> of the
/// whole correction list of one collection point. Part 1 replaces the list held before; the later parts add to it
/// (a list with the reviewed records does not fit one frame). Each item: record id, the version reviewed, "problem"
/// or "missing", field paths, the reviewer's note, the reviewed record.
/// </summary>
public sealed record CorrectionsPush(string CollectionPoint, IReadOnlyList<CorrectionItem> Items, int Part = 1, int Parts = 1);
