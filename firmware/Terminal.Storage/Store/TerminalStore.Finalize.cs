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
    /// Finalizes a record (定稿): its canonical bytes and its photos are sealed for the district and put in the
    /// outbox; in the same transaction the readable draft and its photos are deleted, the subject's ID number is
    /// added to the keyed-hash list of collected subjects, and the audit chain records it. Returns only once all of
    /// it is on disk. From then on the terminal cannot read the record. A signed record's strokes and image, saved with
    /// the draft, are sealed with it and must be there. Every photo the record names must be in the store, except, for
    /// version N+1 of a reviewed record (a draft opened by <see cref="BeginCorrection"/>), the reviewed version's photos
    /// it keeps: the district holds them, so the package names them by hash and carries only the photos taken here;
    /// the correction item is then marked answered (已补正，待对接).
    /// </summary>
    public OutboxItem Finalize(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var session = RequireSession();
            if (Database.GetCollection<OutboxDocument>(StoreMapper.Outbox).FindById(RecordRef(record.RecordId, record.Version)) is not null)
            {
                // before anything else: the draft's photos and signature went with the first finalize
                throw AlreadyFinalized();
            }
            var district = DistrictKey;
            var canonical = RecordSerializer.Serialize(record);
            var sealedRecord = DistrictSeal.Seal(district, RecordContext(record.RecordId, record.Version), canonical);
            CryptographicOperations.ZeroMemory(canonical);
            var correction = CorrectionOf(session, record);
            var sealedPhotos = new List<byte[]>();
            foreach (var photo in record.Photos)
            {
                var bytes = LoadPhoto(record.RecordId, photo.Sha256);
                if (bytes is null && correction?.IsDistrictPhoto(photo.Sha256) == true)
                {
                    continue; // version N+1 keeps a photo of the reviewed version by its hash: the district holds its bytes
                }
                if (bytes is null)
                {
                    throw new StoreException(StoreError.PhotoMissing, "照片缺失：记录中的照片没有保存在终端上，请重新拍摄后再定稿。");
                }
                sealedPhotos.Add(DistrictSeal.Seal(district, FinalizedPhotoContext(record.RecordId, record.Version), bytes));
                CryptographicOperations.ZeroMemory(bytes);
            }
            var (strokes, signatureImage) = SealSignature(record, district);
            var document = new OutboxDocument
            {
                Id = RecordRef(record.RecordId, record.Version),
                RecordId = record.RecordId,
                Version = record.Version,
                FinalizedAt = _time.GetUtcNow(),
                Sequence = _terminal.LastSequence + 1,
                Record = sealedRecord,
                Photos = sealedPhotos,
                Strokes = strokes,
                SignatureImage = signatureImage,
            };
            var idNumber = record.Text("identity.idNumber");
            var collectedKey = idNumber is null ? null : session.Index.IdNumber(idNumber);
            var lastSequence = _terminal.LastSequence;
            try
            {
                Write(db => FinalizeIn(db, document, record.RecordId, collectedKey, sealedRecord, correction));
            }
            catch
            {
                _terminal.LastSequence = lastSequence;
                throw;
            }
            return ToItem(document, district.Suite);
        }
    }

    private int FinalizeIn(LiteDB.LiteDatabase db, OutboxDocument document, Guid recordId, string? collectedKey, byte[] sealedRecord, CorrectionDraft? correction)
    {
        var outbox = db.GetCollection<OutboxDocument>(StoreMapper.Outbox);
        if (outbox.FindById(document.Id) is not null)
        {
            throw AlreadyFinalized();
        }
        _terminal.LastSequence = document.Sequence;
        db.GetCollection<TerminalDocument>(StoreMapper.Terminal).Update(_terminal);
        outbox.Insert(document);
        db.GetCollection<DraftDocument>(StoreMapper.Drafts).Delete(recordId);
        db.GetCollection<PhotoDocument>(StoreMapper.Photos).DeleteMany(x => x.RecordId == recordId);
        var collected = db.GetCollection<CollectedDocument>(StoreMapper.Collected);
        // a correction of a subject collected here keeps the day of the collection (the home page's "today" counts collections)
        if (collectedKey is not null && (correction is null || collected.FindById(collectedKey) is null))
        {
            collected.Upsert(new CollectedDocument { Id = collectedKey, FinalizedAt = document.FinalizedAt });
        }
        if (correction is not null)
        {
            db.GetCollection<CorrectedDocument>(StoreMapper.Corrected).Upsert(new CorrectedDocument { Id = RecordRef(recordId, correction.ReviewedVersion), FinalizedAt = document.FinalizedAt });
        }
        AppendAudit(db, AuditAction.Finalize, document.Id, Convert.ToHexStringLower(SHA256.HashData(sealedRecord)));
        return 0;
    }

    private static StoreException AlreadyFinalized() => new(StoreError.AlreadyFinalized, "该记录的这一版本已经定稿，无需重复定稿。");

    /// <summary>
    /// The signature's strokes and rendered image, sealed for the district; both empty when the record is not signed.
    /// Both are saved with the draft like photos (<see cref="SavePhoto"/>, by the hashes the record's signature names),
    /// so the district receives the strokes as data, not only the picture.
    /// </summary>
    private (byte[] Strokes, byte[] Image) SealSignature(Record record, DistrictPublicKey district)
    {
        if (record.Signature is not { } signature)
        {
            return ([], []);
        }
        var strokes = LoadPhoto(record.RecordId, signature.StrokesSha256);
        var image = LoadPhoto(record.RecordId, signature.ImageSha256);
        if (strokes is null || image is null)
        {
            throw new StoreException(StoreError.SignatureMissing, "签字数据缺失：签字笔迹或签字图像没有保存在终端上，请让采集对象重新签字后再定稿。");
        }
        try
        {
            return (DistrictSeal.Seal(district, SignatureStrokesContext(record.RecordId, record.Version), strokes),
                DistrictSeal.Seal(district, SignatureImageContext(record.RecordId, record.Version), image));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(strokes);
            CryptographicOperations.ZeroMemory(image);
        }
    }

    /// <summary>The context a finalized record's signature strokes are sealed under ("signature-strokes", id, version).</summary>
    public static SealingContext SignatureStrokesContext(Guid recordId, int version) => new("signature-strokes", recordId, version);

    /// <summary>The context a finalized record's signature image is sealed under ("signature-image", id, version).</summary>
    public static SealingContext SignatureImageContext(Guid recordId, int version) => new("signature-image", recordId, version);

    /// <summary>True when a subject with this ID number was finalized on this terminal (the UI warns "此人已采集").</summary>
    public bool HasCollected(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        lock (_gate)
        {
            var key = RequireSession().Index.IdNumber(idNumber);
            return Database.GetCollection<CollectedDocument>(StoreMapper.Collected).FindById(key) is not null;
        }
    }

    /// <summary>How many subjects were finalized on this terminal at or after <paramref name="since"/> (the home page's "today").</summary>
    public int CollectedSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            RequireSession();
            return Database.GetCollection<CollectedDocument>(StoreMapper.Collected).Find(x => x.FinalizedAt >= since).Count();
        }
    }

    /// <summary>The context a finalized record is sealed under ("record", id, version): the host opens with it.</summary>
    public static SealingContext RecordContext(Guid recordId, int version) => new("record", recordId, version);

    /// <summary>The context each photo of a finalized record is sealed under ("photo", id, version).</summary>
    public static SealingContext FinalizedPhotoContext(Guid recordId, int version) => new("photo", recordId, version);

    private static OutboxItem ToItem(OutboxDocument d, DistrictSuite suite) =>
        new(d.RecordId, d.Version, d.FinalizedAt, suite, d.Record, [.. d.Photos.Select(p => (ReadOnlyMemory<byte>)p)])
        {
            Sequence = d.Sequence,
            SealedStrokes = d.Strokes ?? [],
            SealedSignatureImage = d.SignatureImage ?? [],
        };
}
