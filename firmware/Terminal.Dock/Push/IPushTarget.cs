namespace Terminal.Dock.Push;

/// <summary>Where the terminal applies the host's pushes (the store implements it through <c>Handheld.StoreDockTarget</c>).</summary>
public interface IPushTarget
{
    /// <summary>Applies one push atomically (one store transaction, audited), or refuses it saying why.</summary>
    Task<PushAck> ApplyAsync(PushItem push, CancellationToken cancellationToken);
}
