using System.Buffers;
using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>
/// One request, one reply, over a byte stream (the serial port's stream, or any other). Owns the receive buffer:
/// bytes left over are kept for the next reply, garbage is skipped, a broken frame is reported as
/// <see cref="SamProtocolException"/> and the buffer resynchronises on the next preamble.
/// </summary>
public sealed class SamPort : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private bool _lost;

    /// <summary>Wraps <paramref name="stream"/>; disposes it with the port unless <paramref name="leaveOpen"/>.</summary>
    public SamPort(Stream stream, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _leaveOpen = leaveOpen;
    }

    /// <summary>
    /// Sends <paramref name="command"/> and waits up to <paramref name="timeout"/> for a reply. Throws
    /// <see cref="TimeoutException"/> when none came, <see cref="SamProtocolException"/> when a broken one came,
    /// <see cref="EndOfStreamException"/> or <see cref="IOException"/> when the reader went away.
    /// </summary>
    public async Task<SamResponse> ExchangeAsync(SamCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_lost, this); // a port whose device vanished is never used again: reopen
        _start = _end = 0; // a new exchange never takes a reply left over from an earlier, abandoned one
        try
        {
            await _stream.WriteAsync(SamFrameCodec.EncodeRequest(command), cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsGone(e))
        {
            throw Lost(e);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var pending = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
            bool complete;
            SamResponse response;
            try
            {
                complete = SamFrameCodec.TryReadResponse(ref pending, out response);
            }
            finally
            {
                _start = _end - (int)pending.Length; // keep what the decoder did not consume (the resync point)
            }
            if (complete)
            {
                return response;
            }
            await FillAsync(command, timeout, deadline.Token, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the line is quiet for <paramref name="quiet"/> and drops what arrived (after a broken reply).</summary>
    public async Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_lost, this);
        _start = _end = 0;
        var scratch = new byte[1024];
        while (true)
        {
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            window.CancelAfter(quiet);
            try
            {
                if (await _stream.ReadAsync(scratch, window.Token).ConfigureAwait(false) == 0)
                {
                    throw Lost(null);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsGone(e))
            {
                throw Lost(e);
            }
        }
    }

    private async Task FillAsync(SamCommand command, TimeSpan timeout, CancellationToken deadline, CancellationToken caller)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new TimeoutException($"no complete reply to {command} within {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (IsGone(e))
        {
            throw Lost(e);
        }
        if (read == 0)
        {
            throw Lost(null);
        }
        _end += read;
    }

    /// <summary>The message when the reader went away mid-conversation.</summary>
    public const string LostMessage = "读卡器连接已断开：请检查读卡器连线，插好后会自动恢复";

    /// <summary>What a serial stream throws when its device vanished (SerialStream closes itself: ObjectDisposed/InvalidOperation).</summary>
    private static bool IsGone(Exception e) => e is IOException or ObjectDisposedException or InvalidOperationException && e is not ReaderUnavailableException;

    private ReaderUnavailableException Lost(Exception? cause)
    {
        _lost = true;
        return cause is null ? new ReaderUnavailableException(LostMessage) : new ReaderUnavailableException(LostMessage, cause);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
