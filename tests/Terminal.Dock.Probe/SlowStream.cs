using Terminal.Testing;

namespace Terminal.Dock.Probe;

/// <summary>Waits 5 ms before each write, so a docking of a few hundred KB takes seconds.</summary>
internal sealed class SlowStream(Stream inner) : PassThroughStream(inner)
{
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }
}
