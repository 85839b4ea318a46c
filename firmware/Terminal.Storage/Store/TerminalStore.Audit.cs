using Terminal.Storage.Audit;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Records an action of another component (dock, export, wipe…). <paramref name="subject"/> must be a record
    /// reference or empty and <paramref name="detail"/> must hold no personal data: use <see cref="RecordCardRead"/>
    /// for ID numbers.
    /// </summary>
    public void RecordAction(AuditAction action, string subject = "", string detail = "")
    {
        if (action is AuditAction.Checkpoint or AuditAction.Provision)
        {
            throw new ArgumentException("checkpoints and provisioning are written by the store itself", nameof(action));
        }
        Write(db =>
        {
            AppendAudit(db, action, subject, detail);
            return 0;
        });
    }

    /// <summary>Records that an ID card was read: the subject is the keyed hash of the ID number, never the number.</summary>
    public void RecordCardRead(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        lock (_gate)
        {
            var subject = RequireSession().Index.IdNumber(idNumber);
            Write(db =>
            {
                AppendAudit(db, AuditAction.CardRead, subject, "");
                return 0;
            });
        }
    }

    /// <summary>
    /// The audit log for the host: an Export entry and a signed checkpoint are appended first, so the log ends
    /// signed and cutting off its end is detected (<see cref="AuditVerifier"/>). Requires a logged-in operator.
    /// </summary>
    public byte[] ExportAudit()
    {
        lock (_gate)
        {
            var session = RequireSession();
            Write(db =>
            {
                AppendAudit(db, AuditAction.Export, "", "audit");
                if (!_lastAudit!.IsCheckpoint)
                {
                    var entry = AuditChain.Next(_lastAudit, _time.GetUtcNow(), AuditAction.Checkpoint, session.OperatorId, "", "", session.Signer);
                    db.GetCollection<AuditDocument>(StoreMapper.Audit).Insert(new AuditDocument { Id = entry.Sequence, Entry = AuditEntryCodec.Encode(entry) });
                    _lastAudit = entry;
                }
                return 0;
            });
            return [.. Database.GetCollection<AuditDocument>(StoreMapper.Audit).FindAll().OrderBy(d => d.Id).SelectMany(d => d.Entry)];
        }
    }

    /// <summary>
    /// The stored audit frames from sequence <paramref name="fromSequence"/> on, whole frames back to back, as many as
    /// fit in <paramref name="maxBytes"/> (at least one when any is there); empty when none is. Appends nothing, so the
    /// dock link can ask again for the same page after a lost answer and get the same bytes. Needs no login: the
    /// entries hold no personal data in the clear.
    /// </summary>
    public byte[] AuditFrames(long fromSequence, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        lock (_gate)
        {
            var page = new List<byte>();
            foreach (var d in Database.GetCollection<AuditDocument>(StoreMapper.Audit).Find(d => d.Id >= fromSequence).OrderBy(d => d.Id))
            {
                if (page.Count > 0 && page.Count + d.Entry.Length > maxBytes)
                {
                    break;
                }
                page.AddRange(d.Entry);
            }
            return [.. page];
        }
    }

    /// <summary>The audit log as stored (in sequence order), decoded; undecodable frames are left out (the verifier of the exported bytes reports them).</summary>
    public IReadOnlyList<AuditEntry> AuditLog()
    {
        lock (_gate)
        {
            var entries = new List<AuditEntry>();
            foreach (var d in Database.GetCollection<AuditDocument>(StoreMapper.Audit).FindAll().OrderBy(d => d.Id))
            {
                if (AuditEntryCodec.TryDecode(d.Entry, out var entry, out _))
                {
                    entries.Add(entry!);
                }
            }
            return entries;
        }
    }
}
