using System.Security.Cryptography;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Saves a record being collected, sealed under the data key, at a workflow step (a step name such as
    /// "identity" or "module7"; no personal data). Returns once it is on disk: after a crash the collection
    /// resumes from the last saved step.
    /// </summary>
    public void SaveDraft(Record record, string step)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            var session = RequireSession();
            var before = Database.GetCollection<DraftDocument>(StoreMapper.Drafts).FindById(record.RecordId);
            if (before is { Correction.Length: > 0 } && before.Version != record.Version)
            {
                throw new StoreException(StoreError.CorrectionRefused, "补正记录的版本号不能改动：请从“待补正”清单重新打开这一项。");
            }
            var canonical = RecordSerializer.Serialize(record);
            var document = new DraftDocument
            {
                Id = record.RecordId,
                Version = record.Version,
                Step = step,
                SavedAt = _time.GetUtcNow(),
                Sealed = DataKeySeal.Seal(session.DataKey, DraftContext(record.RecordId, record.Version), canonical),
                Correction = before?.Correction ?? [], // the correction a version N+1 answers stays with it
            };
            CryptographicOperations.ZeroMemory(canonical);
            Write(db =>
            {
                var drafts = db.GetCollection<DraftDocument>(StoreMapper.Drafts);
                var isNew = drafts.FindById(record.RecordId) is null;
                drafts.Upsert(document);
                AppendAudit(db, isNew ? AuditAction.Create : AuditAction.Edit, RecordRef(record.RecordId, record.Version), step);
                return 0;
            });
        }
    }

    /// <summary>Saves a photo of a draft, sealed under the data key; returns its SHA-256 (lower-case hex) for the record's <see cref="PhotoReference"/>.</summary>
    public string SavePhoto(Guid recordId, ReadOnlySpan<byte> photo)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(photo));
        lock (_gate)
        {
            var session = RequireSession();
            var document = new PhotoDocument
            {
                Id = session.Index.Photo(recordId, sha256),
                RecordId = recordId,
                Sealed = DataKeySeal.Seal(session.DataKey, PhotoContext(recordId), photo),
            };
            Write(db =>
            {
                db.GetCollection<PhotoDocument>(StoreMapper.Photos).Upsert(document);
                AppendAudit(db, AuditAction.Edit, RecordRef(recordId, 0), "photo");
                return 0;
            });
        }
        return sha256;
    }

    /// <summary>A draft's photo by its SHA-256, or null.</summary>
    public byte[]? LoadPhoto(Guid recordId, string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        lock (_gate)
        {
            var session = RequireSession();
            var document = Database.GetCollection<PhotoDocument>(StoreMapper.Photos).FindById(session.Index.Photo(recordId, sha256));
            return document is null ? null : Opened(() => DataKeySeal.Open(session.DataKey, PhotoContext(recordId), document.Sealed));
        }
    }

    /// <summary>The draft of a record, or null.</summary>
    public Draft? LoadDraft(Guid recordId)
    {
        lock (_gate)
        {
            var session = RequireSession();
            var document = Database.GetCollection<DraftDocument>(StoreMapper.Drafts).FindById(recordId);
            return document is null ? null : OpenDraft(session, document);
        }
    }

    /// <summary>Every draft, oldest saved first (to resume collections).</summary>
    public IReadOnlyList<Draft> Drafts()
    {
        lock (_gate)
        {
            var session = RequireSession();
            return [.. Database.GetCollection<DraftDocument>(StoreMapper.Drafts).FindAll().Select(d => OpenDraft(session, d)).OrderBy(d => d.SavedAt)];
        }
    }

    /// <summary>Discards a draft and its photos (audited). False when there was none.</summary>
    public bool DiscardDraft(Guid recordId)
    {
        lock (_gate)
        {
            RequireSession();
            return Write(db =>
            {
                var found = db.GetCollection<DraftDocument>(StoreMapper.Drafts).Delete(recordId);
                var photos = db.GetCollection<PhotoDocument>(StoreMapper.Photos).DeleteMany(x => x.RecordId == recordId);
                if (found || photos > 0)
                {
                    AppendAudit(db, AuditAction.Discard, RecordRef(recordId, 0), "");
                }
                return found;
            });
        }
    }

    /// <summary>
    /// The subject declined (seed 000 §八(四) "对于自愿放弃信息采集登记的对象不得强制要求其申报"): the draft and its photos
    /// are erased and a <see cref="AuditAction.Declined"/> entry naming only the record reference and
    /// <paramref name="mode"/> is appended, in one write. False when there was no such draft.
    /// </summary>
    public bool DeclineDraft(Guid recordId, string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        lock (_gate)
        {
            RequireSession();
            return Write(db =>
            {
                var found = db.GetCollection<DraftDocument>(StoreMapper.Drafts).Delete(recordId);
                db.GetCollection<PhotoDocument>(StoreMapper.Photos).DeleteMany(x => x.RecordId == recordId);
                if (found)
                {
                    AppendAudit(db, AuditAction.Declined, RecordRef(recordId, 0), mode);
                }
                return found;
            });
        }
    }

    private static Draft OpenDraft(Session session, DraftDocument document)
    {
        var canonical = Opened(() => DataKeySeal.Open(session.DataKey, DraftContext(document.Id, document.Version), document.Sealed));
        try
        {
            return new Draft(RecordSerializer.Deserialize(canonical), document.Step, document.SavedAt) { Correction = OpenCorrectionDraft(session, document) };
        }
        catch (FormatException e)
        {
            throw new StoreException(StoreError.Damaged, "草稿无法读取：数据已损坏，请重新采集该对象，并报告技术人员。", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(canonical);
        }
    }

    private static byte[] Opened(Func<byte[]> open)
    {
        try
        {
            return open();
        }
        catch (BrokenSealException e)
        {
            throw new StoreException(StoreError.Damaged, "终端数据无法解密：数据已损坏或被改动，请勿继续使用，并报告技术人员。", e);
        }
    }

    private static SealingContext DraftContext(Guid recordId, int version) => new("draft", recordId, version);

    private static SealingContext PhotoContext(Guid recordId) => new("photo", recordId, 0);
}
