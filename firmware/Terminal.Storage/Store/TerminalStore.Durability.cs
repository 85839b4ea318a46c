using LiteDB;
using Terminal.Storage.Audit;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one LiteDB transaction and returns only once it is on disk: commit, then a
    /// checkpoint that copies the transaction from the log into the data file and fsyncs both (DurableStream). LiteDB
    /// 5's commit alone returns before its background writer has even written the log.
    /// A failed write closes the store (it must be opened again); a refused write (no space) changes nothing.
    /// </summary>
    private T Write<T>(Func<LiteDatabase, T> work)
    {
        lock (_gate)
        {
            var db = Database;
            RequireFreeSpace();
            var lastAudit = _lastAudit;
            try
            {
                db.BeginTrans();
                T result;
                try
                {
                    result = work(db);
                    db.Commit();
                }
                catch
                {
                    _lastAudit = lastAudit;
                    db.Rollback();
                    throw;
                }
                db.Checkpoint();
                if ((_files!.Data.Failure ?? _files.Log.Failure) is { } failure)
                {
                    throw new IOException("a store write failed", failure);
                }
                return result;
            }
            catch (Exception e) when (e is IOException or LiteException)
            {
                _lastAudit = lastAudit;
                Close();
                throw StoreException.WriteFailed(e);
            }
        }
    }

    private void RequireFreeSpace()
    {
        var free = _options.FreeSpace?.Invoke() ?? new DriveInfo(Path.GetFullPath(_options.Folder)).AvailableFreeSpace;
        if (free < _options.FreeSpaceReserveBytes)
        {
            throw StoreException.Full();
        }
    }

    /// <summary>
    /// Appends an audit entry inside the current transaction (and a signed checkpoint every
    /// <see cref="TerminalStoreOptions.AuditCheckpointEvery"/> entries while an operator is logged in).
    /// </summary>
    private void AppendAudit(LiteDatabase db, AuditAction action, string subject, string detail, string? operatorId = null)
    {
        Append(action, operatorId ?? _session?.OperatorId ?? "", subject, detail);
        if (_session is not null && _lastAudit!.Sequence % _options.AuditCheckpointEvery == 0)
        {
            Append(AuditAction.Checkpoint, _session.OperatorId, "", "");
        }

        void Append(AuditAction a, string op, string s, string d)
        {
            var entry = AuditChain.Next(_lastAudit, _time.GetUtcNow(), a, op, s, d, a == AuditAction.Checkpoint ? _session!.Signer : null);
            db.GetCollection<AuditDocument>(StoreMapper.Audit).Insert(new AuditDocument { Id = entry.Sequence, Entry = AuditEntryCodec.Encode(entry) });
            _lastAudit = entry;
        }
    }

    /// <summary>The audit subject naming a record version.</summary>
    private static string RecordRef(Guid recordId, int version) => FormattableString.Invariant($"{recordId:D}/v{version}");
}
