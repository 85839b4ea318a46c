namespace Terminal.Dock.Push;

/// <summary>The terminal's answer to push <paramref name="Id"/>: its status and, when refused, why (Chinese, for the office staff).</summary>
public sealed record PushAck(Guid Id, PushKind Kind, PushStatus Status, string Message);
