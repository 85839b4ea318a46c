using System.IO.Ports;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>The serial port's stream, owning the port: disposing the stream closes the port.</summary>
internal sealed class SerialPortStream : Stream
{
    private readonly SerialPort _port;
    private readonly Stream _inner;

    public SerialPortStream(SerialPort port)
    {
        _port = port;
        _inner = port.BaseStream;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => _inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _port.Dispose();
            }
            catch (IOException)
            {
                // the device may already be gone (unplugged): nothing left to close
            }
        }
        base.Dispose(disposing);
    }
}
