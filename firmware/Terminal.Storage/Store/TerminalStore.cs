using System.Security.Cryptography;
using LiteDB;
using LiteDB.Engine;
using Terminal.Storage.Audit;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

/// <summary>
/// The terminal's store (hardware-docs/storage/README.md): drafts, photos, the outbox of finalized records sealed
/// for the district, the area's initial data, the keyed-hash list of collected subjects and the audit chain, in one
/// LiteDB file without LiteDB's password. Every write returns only once it is on disk. Personal data is sealed
/// under the data key, which only a logged-in operator's PIN (or the recovery key) unwraps. Thread-safe.
/// </summary>
public sealed partial class TerminalStore : IDisposable
{
    private readonly object _gate = new();
    private readonly TerminalStoreOptions _options;
    private readonly TimeProvider _time;
    private StoreFiles? _files;
    private LiteDatabase? _db;
    private TerminalDocument _terminal = new();
    private AuditEntry? _lastAudit;
    private Session? _session;
    private bool _disposed;

    private TerminalStore(TerminalStoreOptions options, TimeProvider time, StoreFiles files)
    {
        _options = options;
        _time = time;
        _files = files;
        try
        {
            var engine = new LiteEngine(new EngineSettings { DataStream = files.Data, LogStream = files.Log, TempStream = new MemoryStream() });
            _db = new LiteDatabase(engine, StoreMapper.Create(), disposeOnClose: true);
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <summary>The terminal's id as provisioned.</summary>
    public string TerminalId => _terminal.TerminalId;

    /// <summary>The district key finalized records are sealed to.</summary>
    public DistrictPublicKey DistrictKey => DistrictPublicKey.Parse(_terminal.DistrictKey);

    /// <summary>The terminal's audit signing key (SubjectPublicKeyInfo), for the host.</summary>
    public ReadOnlyMemory<byte> SigningPublicKey => _terminal.SigningPublicKey;

    /// <summary>True while an operator is logged in.</summary>
    public bool IsLoggedIn => _session is not null;

    /// <summary>The operator logged in, or null.</summary>
    public string? OperatorId => _session?.OperatorId;

    /// <summary>fsyncs done by this instance (data file, log file): for the durability tests and the bench.</summary>
    public (int Data, int Log) Fsyncs => _files is null ? (0, 0) : (_files.Data.Fsyncs, _files.Log.Fsyncs);

    /// <summary>True when <paramref name="folder"/> holds a store.</summary>
    public static bool Exists(string folder) => StoreFiles.Exist(folder);

    /// <summary>
    /// Creates the store of a new terminal: a random data key wrapped for the first operator and for the recovery key,
    /// a new audit signing key. Returns it logged in as that operator.
    /// </summary>
    public static TerminalStore Provision(TerminalStoreOptions options, TerminalProvisioning provisioning, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provisioning);
        options.Argon2id.Validate();
        RequireAcceptablePin(provisioning.Pin);
        if (StoreFiles.Exist(options.Folder))
        {
            throw new StoreException(StoreError.AlreadyProvisioned, "本终端已经初始化过：如需重新初始化，请先由技术人员注销旧数据。");
        }
        var store = new TerminalStore(options, time ?? TimeProvider.System, OpenFiles(options, create: true));
        try
        {
            store.Initialize(provisioning);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Opens the store (logged out). Throws <see cref="StoreException"/> when there is none or it is in use.</summary>
    public static TerminalStore Open(TerminalStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!StoreFiles.Exist(options.Folder))
        {
            throw new StoreException(StoreError.NotProvisioned, "本终端尚未初始化：请联系技术人员进行初始化。");
        }
        var store = new TerminalStore(options, time ?? TimeProvider.System, OpenFiles(options, create: false));
        try
        {
            store.Load();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>How many drafts, outbox items, collected subjects, roster entries and audit entries the store holds.</summary>
    public StoreCounts Counts()
    {
        lock (_gate)
        {
            var db = Database;
            return new StoreCounts(
                db.GetCollection<DraftDocument>(StoreMapper.Drafts).Count(),
                db.GetCollection<OutboxDocument>(StoreMapper.Outbox).Count(),
                db.GetCollection<CollectedDocument>(StoreMapper.Collected).Count(),
                db.GetCollection<InitialDataDocument>(StoreMapper.InitialData).Count(),
                _lastAudit?.Sequence ?? 0);
        }
    }

    /// <summary>Logs out (if logged in), closes the files and zeroes the keys held in memory.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _session?.Dispose();
            _session = null;
            Close();
        }
    }

    private LiteDatabase Database
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _db ?? throw StoreException.WriteFailed(new IOException("the store was closed after a failed write"));
        }
    }

    private Session RequireSession() => _session ?? throw StoreException.NotLoggedIn();

    private static StoreFiles OpenFiles(TerminalStoreOptions options, bool create)
    {
        try
        {
            return StoreFiles.Open(options.Folder, create, options.WrapFile);
        }
        catch (IOException e) when (!create)
        {
            throw new StoreException(StoreError.InUse, "存储正被另一个采集程序使用：请关闭其他程序后重试，或重启终端。", e);
        }
    }

    private void Initialize(TerminalProvisioning provisioning)
    {
        var dataKey = DataKey.Generate();
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = signer.ExportPkcs8PrivateKey();
        try
        {
            _terminal = new TerminalDocument
            {
                TerminalId = provisioning.TerminalId,
                DistrictKey = provisioning.DistrictKey.ToString(),
                SigningPublicKey = signer.ExportSubjectPublicKeyInfo(),
                SigningPrivateKey = DataKeySeal.Seal(dataKey, Session.SigningKeyContext, pkcs8),
                ProvisionedAt = _time.GetUtcNow(),
                DistrictDockKey = provisioning.DistrictDockKey?.ToArray() ?? [],
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
        var operatorSlot = KeySlot.ForOperator(provisioning.OperatorId, provisioning.Pin, dataKey, _options.Argon2id);
        var recoverySlot = KeySlot.ForRecovery(provisioning.RecoveryKey, dataKey);
        _session = Session.Open(provisioning.OperatorId, dataKey, _terminal.SigningPrivateKey);
        Write(db =>
        {
            db.GetCollection<TerminalDocument>(StoreMapper.Terminal).Insert(_terminal);
            var keys = db.GetCollection<KeySlot>(StoreMapper.Keys);
            keys.EnsureIndex(x => x.Name);
            keys.Insert(operatorSlot);
            keys.Insert(recoverySlot);
            db.GetCollection<PhotoDocument>(StoreMapper.Photos).EnsureIndex(x => x.RecordId);
            db.GetCollection<InitialDataDocument>(StoreMapper.InitialData).EnsureIndex(x => x.NameKey);
            db.GetCollection<InitialDataDocument>(StoreMapper.InitialData).EnsureIndex(StoreMapper.InitialsIndex, StoreMapper.InitialsIndexExpression);
            AppendAudit(db, AuditAction.Provision, "", provisioning.TerminalId);
            AppendAudit(db, AuditAction.OperatorAdded, "", "");
            return 0;
        });
    }

    private void Load()
    {
        var db = Database;
        _terminal = db.GetCollection<TerminalDocument>(StoreMapper.Terminal).FindById(1)
            ?? throw new StoreException(StoreError.Damaged, "终端存储不完整：初始化未完成，请联系技术人员重新初始化。");
        var last = db.GetCollection<AuditDocument>(StoreMapper.Audit).Max(x => x.Id);
        if (last > 0)
        {
            var frame = db.GetCollection<AuditDocument>(StoreMapper.Audit).FindById(last).Entry;
            _lastAudit = AuditEntryCodec.TryDecode(frame, out var entry, out _) ? entry
                : throw new StoreException(StoreError.Damaged, "审计日志已损坏：请勿继续采集，并联系技术人员。");
        }
        NumberUnsequencedOutbox();
    }

    /// <summary>Outbox items finalized before sequence numbers existed get the next ones, in finalize order (once).</summary>
    private void NumberUnsequencedOutbox()
    {
        var outbox = Database.GetCollection<OutboxDocument>(StoreMapper.Outbox);
        var unnumbered = outbox.Find(d => d.Sequence == 0).OrderBy(d => d.FinalizedAt).ToList();
        if (unnumbered.Count == 0)
        {
            return;
        }
        var last = _terminal.LastSequence;
        try
        {
            Write(db =>
            {
                foreach (var d in unnumbered)
                {
                    d.Sequence = ++_terminal.LastSequence;
                    db.GetCollection<OutboxDocument>(StoreMapper.Outbox).Update(d);
                }
                return db.GetCollection<TerminalDocument>(StoreMapper.Terminal).Update(_terminal);
            });
        }
        catch
        {
            _terminal.LastSequence = last;
            throw;
        }
    }

    private void Close()
    {
        try
        {
            _db?.Dispose();
        }
        catch (Exception e) when (e is IOException or LiteException or InvalidOperationException)
        {
            // the files are closed below either way; what is on disk is what the last fsync left
        }
        _db = null;
        _files?.Dispose();
        _files = null;
    }

    private static void RequireAcceptablePin(string pin)
    {
        if (OperatorPin.Problem(pin) is { } problem)
        {
            throw new StoreException(StoreError.PinRejected, problem);
        }
    }
}
