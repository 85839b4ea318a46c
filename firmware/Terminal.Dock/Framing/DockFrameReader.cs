using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Terminal.Dock.Framing;

/// <summary>
/// Reads frames from a byte stream, resynchronising after noise: bytes before a sync pair are skipped; a frame
/// with a bad length or CRC is dropped (counted in <see cref="Dropped"/>) and the search resumes one byte later.
/// </summary>
public sealed class DockFrameReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[DockFrame.MaxBodyLength * 2];
    private int _start;
    private int _end;

    /// <summary>Reads from <paramref name="stream"/> (not owned).</summary>
    public DockFrameReader(Stream stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    /// <summary>Frames dropped for a bad length or CRC since this reader was made.</summary>
    public int Dropped { get; private set; }

    /// <summary>The next good frame. Throws <see cref="EndOfStreamException"/> when the stream ends, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.</summary>
    public async Task<(DockFrameType Type, byte[] Payload)> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecode(out var frame))
            {
                return frame;
            }
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
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("对接线已断开");
            }
            _end += read;
        }
    }

    private bool TryDecode(out (DockFrameType, byte[]) frame)
    {
        frame = default;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var at = span.IndexOf(DockFrame.Sync);
            if (at < 0)
            {
                _start = span.Length > 0 && span[^1] == DockFrame.Sync[0] ? _end - 1 : _end;
                return false;
            }
            _start += at;
            span = span[at..];
            if (span.Length < DockFrame.HeaderLength)
            {
                return false;
            }
            var body = BinaryPrimitives.ReadUInt32BigEndian(span[2..]);
            if (body is 0 or > DockFrame.MaxBodyLength)
            {
                Dropped++;
                _start++;
                continue;
            }
            var total = DockFrame.HeaderLength + (int)body + DockFrame.TrailerLength;
            if (span.Length < total)
            {
                return false;
            }
            var crc = BinaryPrimitives.ReadUInt32BigEndian(span[(DockFrame.HeaderLength + (int)body)..]);
            if (Crc32.HashToUInt32(span.Slice(2, 4 + (int)body)) != crc)
            {
                Dropped++;
                _start++;
                continue;
            }
            frame = ((DockFrameType)span[DockFrame.HeaderLength], span.Slice(DockFrame.HeaderLength + 1, (int)body - 1).ToArray());
            _start += total;
            return true;
        }
    }
}
