using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>The finalized records waiting for the dock, oldest first. Needs no login: they are sealed for the district.</summary>
    public IReadOnlyList<OutboxItem> Outbox()
    {
        lock (_gate)
        {
            var documents = Database.GetCollection<OutboxDocument>(StoreMapper.Outbox).FindAll().ToList();
            return [.. documents.OrderBy(d => d.Sequence).Select(d => ToItem(d, DistrictSeal.SuiteOf(d.Record)))];
        }
    }

    /// <summary>
    /// Removes a finalized record after the host's signed receipt (the dock link checks the receipt). Audited.
    /// False when it was not in the outbox.
    /// </summary>
    public bool Purge(Guid recordId, int version)
    {
        lock (_gate)
        {
            var id = RecordRef(recordId, version);
            return Write(db =>
            {
                var removed = db.GetCollection<OutboxDocument>(StoreMapper.Outbox).Delete(id);
                if (removed)
                {
                    AppendAudit(db, AuditAction.Purge, id, "");
                }
                return removed;
            });
        }
    }
}
