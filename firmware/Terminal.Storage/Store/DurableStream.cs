namespace Terminal.Storage.Store;

/// <summary>
/// One store file as LiteDB sees it (its stream seam, <c>EngineSettings.DataStream/LogStream</c>). LiteDB flushes a
/// stream it was given with <see cref="Flush()"/>, which on a plain <see cref="FileStream"/> only empties .NET's
/// buffer; here the data file's flush is an fsync. Also:
/// <list type="bullet">
/// <item>the log's flushes (LiteDB's background writer flushes whenever its queue runs empty, often once per page)
/// are not fsyncs: a transaction counts only once the store's checkpoint has put it in the data file, and the log
/// is fsynced right before that (next item), once per transaction;</item>
/// <item>ordering: before the data file is written, the log is fsynced if it was written since (a checkpoint never
/// overwrites data pages while the log holding them is only in the page cache);</item>
/// <item>truncation (<see cref="SetLength"/>) is fsynced, so an emptied log cannot come back after a power cut;</item>
/// <item>a failed write (disk full) marks the stream failed instead of throwing on LiteDB's background writer thread
/// (where LiteDB 5 would close the engine while the committing thread waits forever); the next read of a failed
/// stream throws on the committing thread, and the store reports it. See hardware-docs/storage/DURABILITY.md.</item>
/// </list>
/// </summary>
internal sealed class DurableStream : Stream
{
    private readonly FileStream _file;
    private readonly Stream _io;
    private readonly bool _isLog;
    private DurableStream? _writeAfter;
    private bool _dirty;

    /// <param name="file">The file (fsynced through it).</param>
    /// <param name="io">Where bytes go: the file itself, or a test's wrapper around it.</param>
    /// <param name="isLog">True for the log, which LiteDB writes on a background thread.</param>
    public DurableStream(FileStream file, Stream io, bool isLog)
    {
        _file = file;
        _io = io;
        _isLog = isLog;
    }

    /// <summary>The first write failure (null while none).</summary>
    public IOException? Failure { get; private set; }

    /// <summary>fsyncs done through this stream.</summary>
    public int Fsyncs { get; private set; }

    /// <summary>The stream fsynced before this one is written (the log, for the data file).</summary>
    public void WriteAfter(DurableStream log) => _writeAfter = log;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _io.Length;

    public override long Position
    {
        get => _io.Position;
        set => _io.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowIfFailed();
        return _io.Read(buffer, offset, count);
    }

    public override long Seek(long offset, SeekOrigin origin) => _io.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Failure is not null)
        {
            ThrowOrDefer(Failure);
            return;
        }
        _writeAfter?.SyncIfDirty();
        try
        {
            _io.Write(buffer, offset, count);
            _dirty = true;
        }
        catch (IOException e)
        {
            Failure = e;
            ThrowOrDefer(e);
        }
    }

    public override void Flush()
    {
        if (Failure is not null)
        {
            ThrowOrDefer(Failure);
            return;
        }
        if (_isLog)
        {
            _io.Flush();
            return;
        }
        Sync();
    }

    public override void SetLength(long value)
    {
        ThrowIfFailed();
        _io.SetLength(value);
        Sync();
    }

    /// <summary>fsync if written since the last one.</summary>
    public void SyncIfDirty()
    {
        if (_dirty && Failure is null)
        {
            Sync();
        }
    }

    private void Sync()
    {
        try
        {
            _io.Flush();
            _file.Flush(flushToDisk: true);
            Fsyncs++;
            _dirty = false;
        }
        catch (IOException e)
        {
            Failure = e;
            ThrowOrDefer(e);
        }
    }

    private void ThrowIfFailed()
    {
        if (Failure is not null)
        {
            throw new IOException("an earlier write to the store failed", Failure);
        }
    }

    private void ThrowOrDefer(IOException e)
    {
        if (!_isLog)
        {
            throw new IOException("writing the store failed", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _io.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
