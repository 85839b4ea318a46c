using System.Collections.Immutable;
using System.Security.Cryptography;
using Terminal.Dock.Session;
using Terminal.Host.Dock;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Migrations;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using Terminal.Records.Model;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Testing.Dock;

/// <summary>
/// Both real ends of the dock link in one folder: a provisioned terminal store (cheap Argon2id), the district
/// database (SQLite in the folder, or a given PostgreSQL database) with the terminal registered, the district's
/// keys (saved in the folder, so a child process can open the same world), the host's staging and docking log.
/// </summary>
public sealed class DockWorld : IDisposable
{
    public const string TerminalId = "T650105-04";
    public const string OperatorId = "op-0401";
    public const string Pin = "246810";

    private DockWorld(string folder, DistrictDatabase database, DistrictKeyPair district, ECDsa dockKey)
    {
        Folder = folder;
        Database = database;
        District = district;
        DockKey = dockKey;
        DistrictStore = new DistrictStore(database);
        Staging = new FileDockStaging(Path.Combine(folder, "staging"));
        Log = new DockLog(LogPath);
    }

    public string Folder { get; }
    public string StoreFolder => Path.Combine(Folder, "store");
    public string LogPath => Path.Combine(Folder, "dock-log.txt");
    public DistrictDatabase Database { get; }
    public DistrictStore DistrictStore { get; }
    public DistrictKeyPair District { get; }
    public ECDsa DockKey { get; }
    public FileDockStaging Staging { get; }
    public DockLog Log { get; }
    public TerminalStoreOptions StoreOptions => new() { Folder = StoreFolder, Argon2id = Argon2idOptions.Cheap };

    /// <summary>A new world in a new temporary folder; the district database is SQLite there unless <paramref name="database"/> is given.</summary>
    public static async Task<DockWorld> CreateAsync(DistrictDatabase? database = null)
    {
        var folder = Path.Combine(ScratchRoot, "dock-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        database ??= DistrictDatabase.SqliteFile(Path.Combine(folder, "district.db"));
        var district = DistrictKeyPair.Generate(DistrictSuite.P256);
        var dockKey = DockKeys.NewSigningKey();
        File.WriteAllBytes(Path.Combine(folder, "district.key"), district.ExportPrivateKey());
        File.WriteAllBytes(Path.Combine(folder, "dock.key"), dockKey.ExportPkcs8PrivateKey());
        File.WriteAllText(Path.Combine(folder, "database.txt"), database.Kind + "\n" + (database.Kind == DatabaseKind.Sqlite ? Path.Combine(folder, "district.db") : ""));
        var world = new DockWorld(folder, database, district, dockKey);
        using var recovery = RecoveryKey.Generate();
        byte[] signingKey;
        using (var store = TerminalStore.Provision(world.StoreOptions, new TerminalProvisioning(TerminalId, district.PublicKey, recovery, OperatorId, Pin, DockKeys.PublicPoint(dockKey))))
        {
            signingKey = store.SigningPublicKey.ToArray();
        }
        await Migrator.MigrateAsync(database, CancellationToken.None).ConfigureAwait(false);
        foreach (var p in CollectionPoints.Of("650105"))
        {
            await world.DistrictStore.SaveCollectionPointAsync(new CollectionPoint(p.Code, p.Name, p.Streets, 100)).ConfigureAwait(false);
        }
        await world.DistrictStore.RegisterTerminalAsync(new TerminalRegistration(TerminalId, "650105-04", signingKey, DateTimeOffset.UtcNow)).ConfigureAwait(false);
        return world;
    }

    /// <summary>
    /// Where worlds are made: in memory (/dev/shm) where the machine has it, else the temporary folder. Every commit
    /// of both ends is flushed to disk (LiteDB, SQLite's synchronous=FULL, the staging's and the docking log's fsync);
    /// a memory file system takes those flushes at once (measured on the 2-core test machine: a cut docking of up to
    /// 40 KB took 100–400 ms on its disk, 15–30 ms in /dev/shm). What the dock tests prove (each record exactly once through cable cuts, corrupted frames and killed
    /// processes, whose written pages the kernel keeps) does not rest on the flushes reaching a disk: that is the
    /// power-cut tier's proof (qemu killed while the guest writes). The same code runs, flushes included.
    /// </summary>
    public static string ScratchRoot { get; } = MemoryFolderOrTemp();

    private static string MemoryFolderOrTemp()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var probe = Path.Combine("/dev/shm", "dock-probe-" + Guid.NewGuid().ToString("N")[..12]);
                Directory.CreateDirectory(probe);
                Directory.Delete(probe);
                return "/dev/shm";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // no writable /dev/shm here (a container without it): the temporary folder serves, only slower
            }
        }
        return Path.GetTempPath();
    }

    /// <summary>The world another process made in <paramref name="folder"/> (SQLite only).</summary>
    public static DockWorld Open(string folder)
    {
        var district = DistrictKeyPair.Import(DistrictSuite.P256, File.ReadAllBytes(Path.Combine(folder, "district.key")));
        var dockKey = ECDsa.Create();
        dockKey.ImportPkcs8PrivateKey(File.ReadAllBytes(Path.Combine(folder, "dock.key")), out _);
        return new DockWorld(folder, DistrictDatabase.SqliteFile(Path.Combine(folder, "district.db")), district, dockKey);
    }

    /// <summary>The terminal's store, opened and logged in (the caller disposes it).</summary>
    public TerminalStore OpenStore()
    {
        var store = TerminalStore.Open(StoreOptions);
        if (!store.Login(OperatorId, Pin).Succeeded)
        {
            store.Dispose();
            throw new InvalidOperationException("the test operator could not log in");
        }
        return store;
    }

    /// <summary>The host's docking (a chunk of 64 KiB is asked for in requests of 16 KiB).</summary>
    public HostDocking Host(int chunkSize = 64 * 1024, TimeSpan? answerTimeout = null, IDockPushSource? pushes = null) =>
        new(DistrictStore, DockKey, District, Staging, Log, pushes) { ChunkSize = chunkSize, AnswerTimeout = answerTimeout ?? TimeSpan.FromMilliseconds(300) };

    /// <summary>Finalizes a new sample record with <paramref name="photos"/> random photos of <paramref name="photoBytes"/> bytes.</summary>
    public static OutboxItem FinalizeSample(TerminalStore store, int photos, int photoBytes, Random random)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(random);
        var record = SampleRecords.DisabledDischargedSoldier() with { RecordId = new Guid(RandomBytes(random, 16)), Signature = null, Photos = [] };
        var references = ImmutableArray.CreateBuilder<PhotoReference>();
        for (var i = 0; i < photos; i++)
        {
            var bytes = RandomBytes(random, photoBytes);
            var sha = store.SavePhoto(record.RecordId, bytes);
            references.Add(new PhotoReference(PhotoKind.PersonalPhoto, sha, bytes.Length, "image/jpeg", 720, 960));
        }
        return store.Finalize(Terminal.Testing.Storage.SampleSignatures.Sign(store, record with { Photos = references.ToImmutable() }, random.Next()));
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        District.Dispose();
        DockKey.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's or a killed child's handles may linger a moment; the temporary folder is left to the system
        }
    }
}
