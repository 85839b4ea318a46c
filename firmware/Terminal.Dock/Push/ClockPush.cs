namespace Terminal.Dock.Push;

/// <summary>Body of a <see cref="PushKind.Clock"/> push: the host's time when it sent the push (UTC).</summary>
public sealed record ClockPush(DateTimeOffset HostTime);
