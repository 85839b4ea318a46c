using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Terminal.Records.Names;
using Terminal.Storage.Audit;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Applies operator account changes pushed by the host in one transaction, each audited (OperatorAdded /
    /// OperatorRemoved). Needs a logged-in operator (the data key wraps each new PIN slot). Throws
    /// <see cref="StoreException"/> (PinRejected) and changes nothing when any PIN is not acceptable.
    /// </summary>
    public PushOutcome ApplyOperators(Guid pushId, IReadOnlyList<OperatorUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var u in updates.Where(u => !u.Remove))
        {
            RequireAcceptablePin(u.Pin ?? "");
        }
        lock (_gate)
        {
            var session = RequireSession();
            var slots = updates.Where(u => !u.Remove).ToDictionary(u => u.OperatorId, u => KeySlot.ForOperator(u.OperatorId, u.Pin!, session.DataKey, _options.Argon2id));
            return Write(db =>
            {
                if (!FirstTime(db, pushId))
                {
                    return PushOutcome.AlreadyApplied;
                }
                var keys = db.GetCollection<KeySlot>(StoreMapper.Keys);
                foreach (var u in updates)
                {
                    keys.DeleteMany(x => x.Name == u.OperatorId && x.Kind == KeySlotKind.OperatorPin);
                    if (u.Remove)
                    {
                        AppendAudit(db, AuditAction.OperatorRemoved, "", u.OperatorId);
                    }
                    else
                    {
                        keys.Insert(slots[u.OperatorId]);
                        AppendAudit(db, AuditAction.OperatorAdded, "", u.OperatorId);
                    }
                }
                return PushOutcome.Applied;
            });
        }
    }

    /// <summary>
    /// Applies an update of the roster in one transaction: entries added or replaced by ID number, entries removed by
    /// ID number; audited once ("+added -removed"). Needs a logged-in operator (entries are sealed under the data key).
    /// </summary>
    public PushOutcome ApplyInitialDataUpdate(Guid pushId, IReadOnlyList<InitialDataEntry> upserts, IReadOnlyList<string> removedIdNumbers)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removedIdNumbers);
        lock (_gate)
        {
            var session = RequireSession();
            var documents = upserts.Select(e => SealInitialData(session, e)).ToList();
            var removed = removedIdNumbers.Select(session.Index.IdNumber).ToList();
            return Write(db =>
            {
                if (!FirstTime(db, pushId))
                {
                    return PushOutcome.AlreadyApplied;
                }
                var roster = db.GetCollection<InitialDataDocument>(StoreMapper.InitialData);
                var gone = removed.Count(k => roster.Delete(k));
                foreach (var d in documents)
                {
                    roster.Upsert(d);
                }
                AppendAudit(db, AuditAction.InitialDataUpdated, "", string.Create(CultureInfo.InvariantCulture, $"+{documents.Count} -{gone}"));
                return PushOutcome.Applied;
            });
        }
    }

    /// <summary>
    /// Replaces this collection point's correction list (问题数据 and 缺失数据), or adds to it when
    /// <paramref name="replace"/> is false (the later parts of a list too big for one push), in one transaction,
    /// audited with the number of items. The items are sealed under the data key (a reviewer's note may name the
    /// subject, and each carries the reviewed record), so this needs a logged-in operator.
    /// </summary>
    public PushOutcome ApplyCorrections(Guid pushId, IReadOnlyList<CorrectionItem> items, bool replace = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            var session = RequireSession();
            var list = replace ? items : [.. CorrectionsLocked(session), .. items];
            var sealId = Guid.NewGuid();
            var json = JsonSerializer.SerializeToUtf8Bytes(list);
            var document = new CorrectionDocument { SealId = sealId, ReceivedAt = _time.GetUtcNow(), Sealed = DataKeySeal.Seal(session.DataKey, CorrectionsContext(sealId), json) };
            CryptographicOperations.ZeroMemory(json);
            return Write(db =>
            {
                if (!FirstTime(db, pushId))
                {
                    return PushOutcome.AlreadyApplied;
                }
                db.GetCollection<CorrectionDocument>(StoreMapper.Corrections).Upsert(document);
                AppendAudit(db, AuditAction.CorrectionsReceived, "", items.Count.ToString(CultureInfo.InvariantCulture));
                return PushOutcome.Applied;
            });
        }
    }

    /// <summary>The correction list last received (empty before any). Needs a logged-in operator.</summary>
    public IReadOnlyList<CorrectionItem> Corrections()
    {
        lock (_gate)
        {
            return CorrectionsLocked(RequireSession());
        }
    }

    private List<CorrectionItem> CorrectionsLocked(Session session)
    {
        var document = Database.GetCollection<CorrectionDocument>(StoreMapper.Corrections).FindById(1);
        if (document is null)
        {
            return [];
        }
        var json = Opened(() => DataKeySeal.Open(session.DataKey, CorrectionsContext(document.SealId), document.Sealed));
        try
        {
            return JsonSerializer.Deserialize<List<CorrectionItem>>(json)
                ?? throw new StoreException(StoreError.Damaged, "补缺清单已损坏：请重新对接以再次接收。");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    private static InitialDataDocument SealInitialData(Session session, InitialDataEntry entry)
    {
        var sealId = Guid.NewGuid();
        var json = JsonSerializer.SerializeToUtf8Bytes(entry);
        try
        {
            return new InitialDataDocument
            {
                Id = session.Index.IdNumber(entry.IdNumber),
                SealId = sealId,
                NameKey = session.Index.Name(entry.Name),
                InitialsKeys = [.. PinyinInitials.Of(entry.Name).Select(session.Index.Initials)],
                Sealed = DataKeySeal.Seal(session.DataKey, InitialDataContext(sealId), json),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    private static SealingContext CorrectionsContext(Guid sealId) => new("corrections", sealId, 0);
}
