namespace Terminal.Storage.Tests.Support;

/// <summary>
/// A file that can only grow while its <see cref="DiskQuota"/> has room: a write beyond it writes what fits and then
/// throws IOException "No space left on device" (errno 28), as the kernel does on a full disk. Used at LiteDB's stream
/// seam (TerminalStoreOptions.WrapFile), because a real small file system (tmpfs, loop device) needs root mounts.
/// </summary>
internal sealed class SpaceLimitedStream(FileStream file, DiskQuota quota) : Stream
{
    private const int NoSpaceLeftOnDevice = 28;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void Flush() => file.Flush();

    public override void SetLength(long value)
    {
        if (!quota.TryGrow(value - file.Length))
        {
            throw Full();
        }
        file.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        var growth = Math.Max(0, file.Position + count - file.Length);
        if (quota.TryGrow(growth))
        {
            file.Write(buffer, offset, count);
            return;
        }
        var fits = (int)Math.Max(0, Math.Min(count, file.Length - file.Position + quota.Free));
        quota.TryGrow(Math.Max(0, file.Position + fits - file.Length));
        file.Write(buffer, offset, fits);
        throw Full();
    }

    private static IOException Full() => new("No space left on device", NoSpaceLeftOnDevice);
}
