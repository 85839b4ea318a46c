using Terminal.Storage.Audit;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Erases the store of <paramref name="options"/> (`terminal wipe`): the wipe is audited first (a
    /// <see cref="AuditAction.Wipe"/> entry with the counts, on disk before anything is erased, so an interrupted wipe
    /// is visible), then the data and log files — which hold the wrapped data key, the index and audit signing keys
    /// and every sealed record — are overwritten with zeros, flushed and deleted, and the folder is synced. The
    /// outer layer (the LUKS partition's key slot) is the technician's step (hardware-docs/storage/LUKS.md).
    /// Returns the counts the store held. Throws <see cref="StoreException"/> when there is no store or it is in use.
    /// </summary>
    public static StoreCounts Erase(TerminalStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        StoreCounts counts;
        using (var store = Open(options))
        {
            counts = store.Counts();
            store.RecordAction(AuditAction.Wipe, "", FormattableString.Invariant($"drafts={counts.Drafts} outbox={counts.Outbox} initialData={counts.InitialData}"));
        }
        foreach (var name in new[] { StoreFiles.LogFileName, StoreFiles.DataFileName })
        {
            var path = Path.Combine(options.Folder, name);
            if (!File.Exists(path))
            {
                continue;
            }
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                var zeros = new byte[64 * 1024];
                for (long left = file.Length; left > 0; left -= zeros.Length)
                {
                    file.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
                }
                file.Flush(flushToDisk: true);
            }
            File.Delete(path);
        }
        FolderSync.Sync(options.Folder);
        return counts;
    }
}
