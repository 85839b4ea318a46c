using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// The correction list (数据补缺) with each item's state here: 待补正, 补正中 (a draft of version N+1 exists) or
    /// 已补正，待对接 (version N+1 was finalized). Needs a logged-in operator.
    /// </summary>
    public IReadOnlyList<TerminalCorrectionEntry> CorrectionList()
    {
        lock (_gate)
        {
            var items = CorrectionsLocked(RequireSession());
            var drafts = Database.GetCollection<DraftDocument>(StoreMapper.Drafts);
            var corrected = Database.GetCollection<CorrectedDocument>(StoreMapper.Corrected);
            return [.. items.Select(item => new TerminalCorrectionEntry(item,
                corrected.FindById(RecordRef(item.RecordId, item.Version)) is not null ? TerminalCorrectionState.Corrected
                : drafts.FindById(item.RecordId) is { Correction.Length: > 0 } d && d.Version == item.Version + 1 ? TerminalCorrectionState.InProgress
                : TerminalCorrectionState.ToCorrect))];
        }
    }

    /// <summary>
    /// The reviewed version an item carries (<see cref="CorrectionItem.ReviewedRecord"/>), read strictly
    /// (CANONICAL.md). Throws <see cref="StoreException"/> (<see cref="StoreError.CorrectionUnreadable"/>, in Chinese,
    /// asking to dock again) when it is empty, damaged, or not the record id and version the item names.
    /// </summary>
    public static Record ReviewedRecordOf(CorrectionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrEmpty(item.ReviewedRecord))
        {
            throw new StoreException(StoreError.CorrectionUnreadable, "这一项没有随清单收到复核时的记录内容，无法补正：请重新对接以再次接收。");
        }
        Record reviewed;
        try
        {
            reviewed = RecordSerializer.Deserialize(Encoding.UTF8.GetBytes(item.ReviewedRecord));
        }
        catch (FormatException e)
        {
            throw new StoreException(StoreError.CorrectionUnreadable, "这一项复核时的记录内容已损坏，无法读取：请重新对接以再次接收。", e);
        }
        if (reviewed.RecordId != item.RecordId || reviewed.Version != item.Version || item.Version < 1)
        {
            throw new StoreException(StoreError.CorrectionUnreadable, "这一项复核时的记录内容与清单所列的记录或版本不符，不能补正：请重新对接以再次接收。");
        }
        return reviewed;
    }

    /// <summary>
    /// Opens the item of the correction list for version <paramref name="reviewedVersion"/> of
    /// <paramref name="recordId"/>: when a draft of version N+1 exists it is returned as it was saved (补正中);
    /// otherwise the reviewed record is read strictly (<see cref="ReviewedRecordOf"/>), <paramref name="nextVersion"/>
    /// makes version N+1 of it, and that is saved as a draft at <paramref name="step"/> with the item (kind, fields,
    /// note, and the reviewed photos the district holds), audited <see cref="AuditAction.CorrectionStarted"/>. Refused
    /// (<see cref="StoreException"/>, Chinese) when the item is not in the list, was already corrected here, another
    /// draft of the record is open, or the new version is not the reviewed record's next.
    /// </summary>
    public Draft BeginCorrection(Guid recordId, int reviewedVersion, Func<Record, Record> nextVersion, string step)
    {
        ArgumentNullException.ThrowIfNull(nextVersion);
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            var session = RequireSession();
            var item = CorrectionsLocked(session).FirstOrDefault(i => i.RecordId == recordId && i.Version == reviewedVersion)
                ?? throw new StoreException(StoreError.CorrectionRefused, "待补正清单中没有这一项：请回到“待补正”清单查看，或重新对接以接收最新清单。");
            if (Database.GetCollection<CorrectedDocument>(StoreMapper.Corrected).FindById(RecordRef(recordId, reviewedVersion)) is not null)
            {
                throw new StoreException(StoreError.CorrectionRefused, "这一项已补正并定稿，等待对接上传，不能再次打开。");
            }
            if (Database.GetCollection<DraftDocument>(StoreMapper.Drafts).FindById(recordId) is { } open)
            {
                return open.Version == reviewedVersion + 1 && open.Correction.Length > 0
                    ? OpenDraft(session, open)
                    : throw new StoreException(StoreError.CorrectionRefused, "此人在本终端另有一份未完成的采集：请先在首页完成或放弃它，再补正。");
            }
            var reviewed = ReviewedRecordOf(item);
            var next = nextVersion(reviewed);
            if (next.RecordId != reviewed.RecordId || next.Version != reviewed.Version + 1)
            {
                throw new StoreException(StoreError.CorrectionRefused, "补正记录的版本号必须是复核版本的下一版：不能补正。");
            }
            if (Database.GetCollection<OutboxDocument>(StoreMapper.Outbox).FindById(RecordRef(next.RecordId, next.Version)) is not null)
            {
                throw AlreadyFinalized();
            }
            var correction = new CorrectionDraft(item.Kind, item.FieldPaths, item.Note, reviewed.Version, [.. reviewed.Photos.Select(p => p.Sha256)]);
            var canonical = RecordSerializer.Serialize(next);
            var json = JsonSerializer.SerializeToUtf8Bytes(correction);
            var document = new DraftDocument
            {
                Id = next.RecordId,
                Version = next.Version,
                Step = step,
                SavedAt = _time.GetUtcNow(),
                Sealed = DataKeySeal.Seal(session.DataKey, DraftContext(next.RecordId, next.Version), canonical),
                Correction = DataKeySeal.Seal(session.DataKey, CorrectionDraftContext(next.RecordId, next.Version), json),
            };
            CryptographicOperations.ZeroMemory(canonical);
            CryptographicOperations.ZeroMemory(json);
            Write(db =>
            {
                db.GetCollection<DraftDocument>(StoreMapper.Drafts).Insert(document);
                AppendAudit(db, AuditAction.CorrectionStarted, RecordRef(next.RecordId, next.Version), reviewed.Version.ToString(CultureInfo.InvariantCulture));
                return 0;
            });
            return new Draft(next, step, document.SavedAt) { Correction = correction };
        }
    }

    /// <summary>The correction a draft answers, or null for a first collection.</summary>
    private static CorrectionDraft? OpenCorrectionDraft(Session session, DraftDocument document)
    {
        if (document.Correction.Length == 0)
        {
            return null;
        }
        var json = Opened(() => DataKeySeal.Open(session.DataKey, CorrectionDraftContext(document.Id, document.Version), document.Correction));
        try
        {
            return JsonSerializer.Deserialize<CorrectionDraft>(json)
                ?? throw new StoreException(StoreError.Damaged, "补正草稿无法读取：数据已损坏，请报告技术人员。");
        }
        catch (JsonException e)
        {
            throw new StoreException(StoreError.Damaged, "补正草稿无法读取：数据已损坏，请报告技术人员。", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <summary>
    /// The correction the draft of <paramref name="record"/> answers, when it is for version N−1 (its photos, held by
    /// the district, may be named without the store holding them); null for a first version or a draft that answers
    /// no correction.
    /// </summary>
    private CorrectionDraft? CorrectionOf(Session session, Record record)
    {
        if (record.Version < 2 || Database.GetCollection<DraftDocument>(StoreMapper.Drafts).FindById(record.RecordId) is not { } draft || draft.Version != record.Version)
        {
            return null;
        }
        return OpenCorrectionDraft(session, draft) is { } correction && correction.ReviewedVersion == record.Version - 1 ? correction : null;
    }

    private static SealingContext CorrectionDraftContext(Guid recordId, int version) => new("correction-draft", recordId, version);
}
