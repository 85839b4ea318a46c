using System.IO.Pipelines;

namespace Terminal.Testing.Dock;

/// <summary>
/// A cable in memory between a host end and a terminal end (two pipes), with faults on the bytes in flight:
/// cut after a given number of bytes (both ends then see the line drop), corrupt every Nth byte, drop every Mth;
/// and on whole writes (each DockLink frame is one write): send every Kth write twice, hold every Rth write back
/// and deliver it after the next one (reordering).
/// </summary>
public sealed class FaultyCable
{
    private readonly Pipe _toTerminal = new();
    private readonly Pipe _toHost = new();
    private long _bytes;

    private long _writes;
    private byte[]? _held;
    private PipeWriter? _heldFor;

    public FaultyCable(long cutAfter = long.MaxValue, int corruptEvery = 0, int dropEvery = 0, int seed = 1, int duplicateEvery = 0, int reorderEvery = 0)
    {
        DuplicateEvery = duplicateEvery;
        ReorderEvery = reorderEvery;
        CutAfter = cutAfter;
        CorruptEvery = corruptEvery;
        DropEvery = dropEvery;
        Random = new Random(seed);
        HostEnd = new End(this, _toHost.Reader.AsStream(), _toTerminal.Writer);
        TerminalEnd = new End(this, _toTerminal.Reader.AsStream(), _toHost.Writer);
    }

    public long CutAfter { get; }
    public int CorruptEvery { get; }
    public int DropEvery { get; }
    public int DuplicateEvery { get; }
    public int ReorderEvery { get; }

    /// <summary>Bytes that went into the cable so far (both directions).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);
    public Random Random { get; }
    public bool IsCut { get; private set; }
    public Stream HostEnd { get; }
    public Stream TerminalEnd { get; }

    private void Cut()
    {
        if (!IsCut)
        {
            IsCut = true;
            _toTerminal.Writer.Complete();
            _toHost.Writer.Complete();
        }
    }

    /// <summary>What to deliver for one write: it, twice, nothing yet (held back), or it and then the one held back.</summary>
    private List<(PipeWriter Writer, byte[] Bytes)> Shuffle(byte[] bytes, PipeWriter writer)
    {
        lock (_toHost)
        {
            var n = ++_writes;
            var pieces = new List<(PipeWriter, byte[])>();
            if (ReorderEvery > 0 && n % ReorderEvery == 0 && _held is null)
            {
                (_held, _heldFor) = (bytes, writer);
                return pieces;
            }
            pieces.Add((writer, bytes));
            if (DuplicateEvery > 0 && n % DuplicateEvery == 0)
            {
                pieces.Add((writer, bytes));
            }
            if (_held is not null)
            {
                pieces.Add((_heldFor!, _held));
                _held = null;
            }
            return pieces;
        }
    }

    /// <summary>Delivers a write still held back (the last frame of a docking has no next one to follow).</summary>
    public async Task ReleaseAsync()
    {
        byte[]? held;
        PipeWriter? writer;
        lock (_toHost)
        {
            (held, writer, _held) = (_held, _heldFor, null);
        }
        if (held is not null && !IsCut)
        {
            await DeliverAsync(writer!, held, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Puts bytes on the line. The other end (or an unplug) may cut the cable between the check and the write, which
    /// completes the pipe: that is a dropped line, an <see cref="IOException"/> as on a real port, not a pipe error.
    /// </summary>
    private async ValueTask DeliverAsync(PipeWriter writer, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (IsCut)
        {
            throw new IOException("对接线已断开");
        }
    }

    private sealed class End(FaultyCable cable, Stream reader, PipeWriter writer) : Stream
    {
        private readonly Lock _gate = new();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => reader.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => reader.ReadAsync(buffer, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var outgoing = new List<byte>(buffer.Length);
            lock (_gate)
            {
                foreach (var b in buffer.Span)
                {
                    if (cable.IsCut)
                    {
                        break;
                    }
                    var n = Interlocked.Increment(ref cable._bytes);
                    if (n > cable.CutAfter)
                    {
                        cable.Cut();
                        break;
                    }
                    if (cable.DropEvery > 0 && n % cable.DropEvery == 0)
                    {
                        continue;
                    }
                    outgoing.Add(cable.CorruptEvery > 0 && n % cable.CorruptEvery == 0 ? (byte)(b ^ (1 << cable.Random.Next(8))) : b);
                }
            }
            if (outgoing.Count > 0 && !cable.IsCut)
            {
                foreach (var piece in cable.Shuffle(outgoing.ToArray(), writer))
                {
                    await cable.DeliverAsync(piece.Writer, piece.Bytes, cancellationToken).ConfigureAwait(false);
                }
            }
            if (cable.IsCut)
            {
                throw new IOException("对接线已断开");
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Closing an end is unplugging the cable: the other end sees the line drop.</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                lock (_gate)
                {
                    cable.Cut();
                }
            }
            base.Dispose(disposing);
        }
    }
}
