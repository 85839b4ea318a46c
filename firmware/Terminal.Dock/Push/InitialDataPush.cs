using Terminal.Storage.Store;

namespace Terminal.Dock.Push;

/// <summary>Body of a <see cref="PushKind.InitialData"/> push: roster entries added or replaced (by ID number), and ID numbers removed.</summary>
public sealed record InitialDataPush(IReadOnlyList<InitialDataEntry> Upserts, IReadOnlyList<string> Removed);
