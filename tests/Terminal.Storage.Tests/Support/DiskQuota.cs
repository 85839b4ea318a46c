namespace Terminal.Storage.Tests.Support;

/// <summary>How many bytes the store's files may still grow by, shared by them (a small disk).</summary>
internal sealed class DiskQuota(long free)
{
    private readonly object _gate = new();

    public long Free
    {
        get
        {
            lock (_gate)
            {
                return free;
            }
        }
    }

    /// <summary>Takes <paramref name="bytes"/> when there is room (giving back when negative).</summary>
    public bool TryGrow(long bytes)
    {
        lock (_gate)
        {
            if (bytes > free)
            {
                return false;
            }
            free -= bytes;
            return true;
        }
    }

    /// <summary>Frees space (records were unloaded elsewhere, say).</summary>
    public void Add(long bytes)
    {
        lock (_gate)
        {
            free += bytes;
        }
    }
}
