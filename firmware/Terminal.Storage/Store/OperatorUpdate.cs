namespace Terminal.Storage.Store;

/// <summary>
/// An operator account change pushed by the host: add the operator (or set a new PIN) with <paramref name="Pin"/>,
/// or remove the account when <paramref name="Remove"/> is true.
/// </summary>
public sealed record OperatorUpdate(string OperatorId, string? Pin, bool Remove = false);
