namespace Terminal.Storage.Store;

/// <summary>
/// The store's files in its folder: <c>terminal.db</c> (LiteDB data) and <c>terminal-log.db</c> (LiteDB's
/// write-ahead log), opened exclusively (a second process cannot open the store), unbuffered, as
/// <see cref="DurableStream"/>s. Nothing else is written in the folder.
/// </summary>
internal sealed class StoreFiles : IDisposable
{
    public const string DataFileName = "terminal.db";
    public const string LogFileName = "terminal-log.db";

    private StoreFiles(DurableStream data, DurableStream log)
    {
        Data = data;
        Log = log;
        data.WriteAfter(log);
    }

    public DurableStream Data { get; }

    public DurableStream Log { get; }

    /// <summary>True when the folder holds a store.</summary>
    public static bool Exist(string folder) => File.Exists(Path.Combine(folder, DataFileName));

    /// <summary>Opens (creating when <paramref name="create"/>) the files; <paramref name="wrap"/> is the tests' seam around each file.</summary>
    public static StoreFiles Open(string folder, bool create, Func<FileStream, Stream>? wrap)
    {
        if (create)
        {
            Directory.CreateDirectory(folder);
        }
        var mode = create ? FileMode.CreateNew : FileMode.Open;
        var dataFile = OpenFile(Path.Combine(folder, DataFileName), mode);
        FileStream? logFile = null;
        try
        {
            logFile = OpenFile(Path.Combine(folder, LogFileName), create ? FileMode.Create : FileMode.OpenOrCreate);
            var files = new StoreFiles(
                new DurableStream(dataFile, wrap?.Invoke(dataFile) ?? dataFile, isLog: false),
                new DurableStream(logFile, wrap?.Invoke(logFile) ?? logFile, isLog: true));
            if (create)
            {
                SyncFolder(folder);
            }
            return files;
        }
        catch
        {
            logFile?.Dispose();
            dataFile.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Data.Dispose();
        Log.Dispose();
    }

    private static FileStream OpenFile(string path, FileMode mode) =>
        new(path, new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.RandomAccess,
        });

    /// <summary>fsync of the folder, so new files' names survive a power cut (Linux; elsewhere a no-op).</summary>
    private static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        FolderSync.Sync(folder);
    }
}
