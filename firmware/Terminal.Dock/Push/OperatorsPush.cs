using Terminal.Storage.Store;

namespace Terminal.Dock.Push;

/// <summary>
/// Body of a <see cref="PushKind.Operators"/> push: accounts to add or re-PIN (with the initial PIN the office gave
/// the operator; it travels only inside the sealed session) and accounts to remove.
/// </summary>
public sealed record OperatorsPush(IReadOnlyList<OperatorUpdate> Operators);
