using System.Security.Cryptography;
using Terminal.Dock.Framing;
using Terminal.Dock.Pull;
using Terminal.Dock.Push;
using Terminal.Dock.Session;
using Terminal.Host.Storage;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Dock;

/// <summary>
/// One docking at the district host over any byte stream (the watcher's serial port, a pty, a test's cable):
/// handshake (the terminal must be registered in the district database), pull into the district database through
/// <see cref="DistrictPackageSink"/>, receipts, then the pushes (the host's clock first, then what the office queued),
/// goodbye. Every docking, whatever its end, gets one entry in the <see cref="DockLog"/>.
/// </summary>
public sealed class HostDocking
{
    private readonly IDistrictStore _store;
    private readonly ECDsa _dockKey;
    private readonly IDockStaging _staging;
    private readonly DistrictPackageSink _sink;
    private readonly DockLog _log;
    private readonly IDockPushSource? _pushes;
    private readonly TimeProvider _time;

    /// <summary>
    /// A docking into <paramref name="store"/>, signing with the district's dock key <paramref name="dockKey"/> and
    /// opening packages with <paramref name="districtKey"/> (none of them owned).
    /// </summary>
    public HostDocking(IDistrictStore store, ECDsa dockKey, DistrictKeyPair districtKey, IDockStaging staging, DockLog log, IDockPushSource? pushes = null, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _dockKey = dockKey ?? throw new ArgumentNullException(nameof(dockKey));
        _staging = staging ?? throw new ArgumentNullException(nameof(staging));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _pushes = pushes;
        _time = time ?? TimeProvider.System;
        var dock = store as IDistrictDockStore
            ?? throw new ArgumentException("the district store must also keep the dock's records (IDistrictDockStore: audit chain end, quarantine)", nameof(store));
        _sink = new DistrictPackageSink(store, dock, districtKey, _time);
    }

    /// <summary>The chunk: the most package bytes in flight at once, asked for in four requests; a cut re-sends at most this much.</summary>
    public int ChunkSize { get; init; } = 64 * 1024;

    /// <summary>Time to wait for an answer before asking again.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Runs one docking over <paramref name="stream"/> (not owned) and returns its log entry (already on disk).</summary>
    public async Task<DockLogEntry> RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        var link = new DockLink(stream);
        var terminalId = "";
        try
        {
            var (id, channel) = await DockHandshake.HostAsync(link, _dockKey, TerminalPointAsync, cancellationToken).ConfigureAwait(false);
            terminalId = id;
            using (channel)
            {
                var puller = new DockPuller(_dockKey, _staging, _sink)
                {
                    ChunkSize = ChunkSize,
                    AnswerTimeout = AnswerTimeout,
                    BeforeReceipt = (receipt, _) =>
                    {
                        _log.Append(new DockLogEntry(0, _time.GetUtcNow(), id, "receipt", [], [receipt], [], 0, 0, ""));
                        return Task.CompletedTask;
                    },
                };
                // the pushes are read after the pull is committed: a correction list then leaves out what this docking corrected
                var result = await puller.PullAsync(link, channel, id, async ct =>
                {
                    var pushes = new List<PushItem> { PushItem.Clock(_time.GetUtcNow()) };
                    if (_pushes is not null)
                    {
                        pushes.AddRange(await _pushes.PendingAsync(id, ct).ConfigureAwait(false));
                    }
                    return pushes;
                }, cancellationToken).ConfigureAwait(false);
                if (_pushes is not null)
                {
                    await _pushes.DeliveredAsync(id, [.. result.Pushes.Where(a => a.Kind != PushKind.Clock)], cancellationToken).ConfigureAwait(false);
                }
                return _log.Append(new DockLogEntry(0, _time.GetUtcNow(), id, "docked", result.Committed, result.Receipts, result.Pushes, result.PayloadBytes, result.ResumedBytes,
                    QuarantineReport(result.Quarantined))
                {
                    Quarantined = result.Quarantined,
                    AuditFrom = result.Audit.From,
                    AuditThrough = result.Audit.Through,
                });
            }
        }
        catch (DockSecurityException e)
        {
            _log.Append(Failed(terminalId, "refused", "身份验证未通过，未传输任何数据（" + e.Message + "）"));
            throw;
        }
        catch (Exception e) when (e is IOException or TimeoutException or DockProtocolException or IngestConflictException)
        {
            _log.Append(Failed(terminalId, "failed", Reason(e)));
            throw;
        }
    }

    /// <summary>What the office staff read about quarantined packages (empty when none).</summary>
    private static string QuarantineReport(IReadOnlyList<RefusedPackage> quarantined) => quarantined.Count == 0
        ? ""
        : $"{quarantined.Count} 个数据包未通过校验，已隔离保存、未入库，终端上保留原件：" + string.Join("；", quarantined.Select(q => $"序号 {q.Sequence}（{q.Reason}）"));

    private DockLogEntry Failed(string terminalId, string outcome, string error) =>
        new(0, _time.GetUtcNow(), terminalId, outcome, [], [], [], 0, 0, error);

    private static string Reason(Exception e) => e switch
    {
        IOException => "对接线已断开：请重新插上，已收到的部分不会重传",
        TimeoutException => "终端没有应答：请检查终端是否开机并已登录，然后重新插上对接线",
        _ => e.Message,
    };

    /// <summary>The registered terminal's dock key as a P-256 point (registration holds it as SubjectPublicKeyInfo or as the point).</summary>
    private async Task<byte[]?> TerminalPointAsync(string terminalId, CancellationToken cancellationToken)
    {
        var registration = await _store.TerminalAsync(terminalId, cancellationToken).ConfigureAwait(false);
        if (registration is null)
        {
            return null;
        }
        var key = registration.PublicKey;
        if (key.Length == DockKeys.PointLength && key[0] == 0x04)
        {
            return key;
        }
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key, out _);
        return DockKeys.PublicPoint(ecdsa);
    }
}
