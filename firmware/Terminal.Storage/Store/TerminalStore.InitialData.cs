using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BsonExpression = LiteDB.BsonExpression;
using BsonValue = LiteDB.BsonValue;
using Terminal.Records.Names;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Loads the area's roster (初始数据), replacing the one loaded before: each subject sealed under the data key,
    /// found by keyed hash of the ID number, of the name, or of its pinyin initials (each spelling of a polyphonic name).
    /// </summary>
    public void LoadInitialData(IEnumerable<InitialDataEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            var session = RequireSession();
            var documents = new List<InitialDataDocument>();
            foreach (var entry in entries)
            {
                var sealId = Guid.NewGuid();
                var json = JsonSerializer.SerializeToUtf8Bytes(entry);
                documents.Add(new InitialDataDocument
                {
                    Id = session.Index.IdNumber(entry.IdNumber),
                    SealId = sealId,
                    NameKey = session.Index.Name(entry.Name),
                    InitialsKeys = [.. PinyinInitials.Of(entry.Name).Select(session.Index.Initials)],
                    Sealed = DataKeySeal.Seal(session.DataKey, InitialDataContext(sealId), json),
                });
                CryptographicOperations.ZeroMemory(json);
            }
            Write(db =>
            {
                var roster = db.GetCollection<InitialDataDocument>(StoreMapper.InitialData);
                roster.DeleteAll();
                foreach (var d in documents)
                {
                    roster.Upsert(d);
                }
                AppendAudit(db, AuditAction.InitialDataLoaded, "", documents.Count.ToString(CultureInfo.InvariantCulture));
                return 0;
            });
        }
    }

    /// <summary>The roster entry with this ID number, or null ("not found: add new").</summary>
    public InitialDataEntry? FindInitialData(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        lock (_gate)
        {
            var session = RequireSession();
            var document = Database.GetCollection<InitialDataDocument>(StoreMapper.InitialData).FindById(session.Index.IdNumber(idNumber));
            return document is null ? null : OpenInitialData(session, document);
        }
    }

    /// <summary>The roster entries with exactly this name (white space ignored).</summary>
    public IReadOnlyList<InitialDataEntry> FindInitialDataByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            var session = RequireSession();
            var key = session.Index.Name(name);
            return [.. Database.GetCollection<InitialDataDocument>(StoreMapper.InitialData).Find(x => x.NameKey == key).Select(d => OpenInitialData(session, d))];
        }
    }

    /// <summary>
    /// The roster entries whose name has these pinyin initials ("zjg" finds 张建国 and 赵家贵; "sxy" finds 单晓燕 under
    /// its surname's reading shàn). Throws <see cref="ArgumentException"/> with a Chinese message when the text is not
    /// letters.
    /// </summary>
    public IReadOnlyList<InitialDataEntry> FindInitialDataByInitials(string initials)
    {
        ArgumentNullException.ThrowIfNull(initials);
        var typed = PinyinInitials.NormalizeTyped(initials)
            ?? throw new ArgumentException("拼音首字母只能是英文字母，例如“张建国”输入 zjg。", nameof(initials));
        lock (_gate)
        {
            var session = RequireSession();
            var key = new BsonValue(session.Index.Initials(typed));
            return [.. Database.GetCollection<InitialDataDocument>(StoreMapper.InitialData)
                .Find(BsonExpression.Create(StoreMapper.InitialsIndexExpression + " ANY = @0", key))
                .Select(d => OpenInitialData(session, d))];
        }
    }

    /// <summary>
    /// The roster entries not yet finalized on this terminal (the people still to visit, for 入户采集), in the
    /// roster's order of ID number keys. The keyed-hash ids of both lists are compared: no ID number is stored in the clear.
    /// </summary>
    public IReadOnlyList<InitialDataEntry> InitialDataNotCollected()
    {
        lock (_gate)
        {
            var session = RequireSession();
            var collected = Database.GetCollection<CollectedDocument>(StoreMapper.Collected);
            return [.. Database.GetCollection<InitialDataDocument>(StoreMapper.InitialData).FindAll()
                .Where(d => collected.FindById(d.Id) is null)
                .Select(d => OpenInitialData(session, d))];
        }
    }

    private static InitialDataEntry OpenInitialData(Session session, InitialDataDocument document)
    {
        var json = Opened(() => DataKeySeal.Open(session.DataKey, InitialDataContext(document.SealId), document.Sealed));
        try
        {
            return JsonSerializer.Deserialize<InitialDataEntry>(json)
                ?? throw new StoreException(StoreError.Damaged, "初始数据已损坏：请联系技术人员重新导入。");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    private static SealingContext InitialDataContext(Guid sealId) => new("initial-data", sealId, 0);
}
