using System.Globalization;
using System.Security.Cryptography;
using Terminal.Storage.Audit;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>The district host's dock signing key (65-byte P-256 point) given at provisioning; empty when none was.</summary>
    public ReadOnlyMemory<byte> DistrictDockKey => _terminal.DistrictDockKey;

    /// <summary>The last outbox sequence number given out (0 before the first finalize).</summary>
    public long LastSequence => _terminal.LastSequence;

    /// <summary>The host's time at the last docking and the offset host minus terminal, or null before the first.</summary>
    public (DateTimeOffset HostTime, TimeSpan Offset)? HostClock =>
        _terminal.HostClockAt is { } at ? (at, TimeSpan.FromMilliseconds(_terminal.ClockOffsetMs)) : null;

    /// <summary>
    /// The terminal's dock signing key (its audit key, ECDSA P-256), for the dock handshake; the caller disposes it.
    /// Needs a logged-in operator: the private key is sealed under the data key.
    /// </summary>
    public ECDsa CreateDockSigner()
    {
        lock (_gate)
        {
            var pkcs8 = RequireSession().Signer.ExportPkcs8PrivateKey();
            try
            {
                var key = ECDsa.Create();
                key.ImportPkcs8PrivateKey(pkcs8, out _);
                return key;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
        }
    }

    /// <summary>
    /// Purges the outbox items with these sequence numbers after the district's signed receipt (the caller checked
    /// its signature and the packages' hashes), in one transaction; each purge is audited with the receipt's SHA-256
    /// as detail, so the terminal's chain and the host's docking log name the same receipt. Returns the sequences
    /// purged (those still in the outbox).
    /// </summary>
    public IReadOnlyList<long> PurgeReceipted(IReadOnlyCollection<long> sequences, string receiptSha256)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptSha256);
        lock (_gate)
        {
            return Write(db =>
            {
                var outbox = db.GetCollection<OutboxDocument>(StoreMapper.Outbox);
                var wanted = sequences.ToHashSet();
                var purged = new List<long>();
                foreach (var d in outbox.FindAll().Where(d => wanted.Contains(d.Sequence)).OrderBy(d => d.Sequence).ToList())
                {
                    outbox.Delete(d.Id);
                    AppendAudit(db, AuditAction.Purge, d.Id, "receipt:" + receiptSha256);
                    purged.Add(d.Sequence);
                }
                return (IReadOnlyList<long>)purged;
            });
        }
    }

    /// <summary>
    /// Records the host's time received at a docking and the offset to the terminal's clock (audited). The store does
    /// not set the system clock: the firmware's system layer does (Terminal.Firmware, with CAP_SYS_TIME), from
    /// <see cref="HostClock"/>; the store keeps the offset so times written before the correction can be read right.
    /// </summary>
    public PushOutcome ApplyHostClock(Guid pushId, DateTimeOffset hostTime)
    {
        lock (_gate)
        {
            var offset = hostTime - _time.GetUtcNow();
            var before = (_terminal.HostClockAt, _terminal.ClockOffsetMs);
            try
            {
                return Write(db =>
                {
                    if (!FirstTime(db, pushId))
                    {
                        return PushOutcome.AlreadyApplied;
                    }
                    _terminal.HostClockAt = hostTime;
                    _terminal.ClockOffsetMs = (long)offset.TotalMilliseconds;
                    db.GetCollection<TerminalDocument>(StoreMapper.Terminal).Update(_terminal);
                    AppendAudit(db, AuditAction.ClockSynced, "", _terminal.ClockOffsetMs.ToString(CultureInfo.InvariantCulture));
                    return PushOutcome.Applied;
                });
            }
            catch
            {
                (_terminal.HostClockAt, _terminal.ClockOffsetMs) = before;
                throw;
            }
        }
    }

    /// <summary>True (and remembered in the same transaction) when the push with this id was not applied before.</summary>
    private bool FirstTime(LiteDB.LiteDatabase db, Guid pushId)
    {
        var pushes = db.GetCollection<PushDocument>(StoreMapper.Pushes);
        if (pushes.FindById(pushId) is not null)
        {
            return false;
        }
        pushes.Insert(new PushDocument { Id = pushId, AppliedAt = _time.GetUtcNow() });
        return true;
    }
}
