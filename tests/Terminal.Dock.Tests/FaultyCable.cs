using System.IO.Pipelines;

namespace Terminal.Dock.Tests;

/// <summary>
/// A cable in memory between a host end and a terminal end (two pipes), with faults on the bytes in flight:
/// cut after a given number of bytes (both ends then see the line drop), corrupt every Nth byte, drop every Mth.
/// </summary>
internal sealed class FaultyCable
{
    private readonly Pipe _toTerminal = new();
    private readonly Pipe _toHost = new();
    private long _bytes;

    public FaultyCable(long cutAfter = long.MaxValue, int corruptEvery = 0, int dropEvery = 0, int seed = 1)
    {
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
                await writer.WriteAsync(outgoing.ToArray(), cancellationToken).ConfigureAwait(false);
            }
            if (cable.IsCut)
            {
                throw new IOException("对接线已断开");
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
