namespace Terminal.Dock.Framing;

/// <summary>Frames over one byte stream (the serial port's, or any other): send a frame, receive the next good one.</summary>
public sealed class DockLink
{
    private readonly Stream _stream;
    private readonly DockFrameReader _reader;

    /// <summary>A link over <paramref name="stream"/> (not owned).</summary>
    public DockLink(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _reader = new DockFrameReader(stream);
    }

    /// <summary>Frames dropped for noise since the link was made.</summary>
    public int Dropped => _reader.Dropped;

    /// <summary>Bytes written so far.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Sends one frame.</summary>
    public async Task SendAsync(DockFrameType type, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frame = DockFrame.Encode(type, payload.Span);
        await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        BytesSent += frame.Length;
    }

    /// <summary>The next good frame, or <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<(DockFrameType Type, byte[] Payload)> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await _reader.ReadAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no frame within {timeout.TotalSeconds:0.#} s");
        }
    }
}
