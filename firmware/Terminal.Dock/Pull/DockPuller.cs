using System.Buffers.Binary;
using System.Security.Cryptography;
using Terminal.Dock.Framing;
using Terminal.Dock.Push;
using Terminal.Dock.Session;
using Terminal.Storage.Audit;

namespace Terminal.Dock.Pull;

/// <summary>What one docking moved.</summary>
public sealed record PullResult(string TerminalId, int Packages, long PayloadBytes, long ResumedBytes, int Purged, long LinkBytesSent)
{
    /// <summary>The sequences committed at the district in this docking (not those held from before).</summary>
    public IReadOnlyList<long> Committed { get; init; } = [];

    /// <summary>Each signed receipt sent: its SHA-256 (as in the terminal's Purge audit entries), what it named, what the terminal purged.</summary>
    public IReadOnlyList<SentReceipt> Receipts { get; init; } = [];

    /// <summary>The terminal's answers to the pushes, in the order sent.</summary>
    public IReadOnlyList<PushAck> Pushes { get; init; } = [];

    /// <summary>Packages not committed because they failed verification (quarantined now or before): not receipted, kept on the terminal.</summary>
    public IReadOnlyList<RefusedPackage> Quarantined { get; init; } = [];

    /// <summary>The first and last sequence of the terminal's audit entries committed in this docking (0, 0: none).</summary>
    public (long From, long Through) Audit { get; init; }
}

/// <summary>A receipt the host signed and sent: SHA-256 of its JSON, the sequences named, the sequences the terminal acknowledged as purged.</summary>
public sealed record SentReceipt(string Sha256, IReadOnlyList<long> Sequences, IReadOnlyList<long> Purged);

/// <summary>
/// The host's end of a docking (dock-protocol.md §3): fetch the manifest; fetch each package not yet held in
/// chunks, resuming from what staging already holds; verify each whole package against its SHA-256; commit them
/// all in one transaction; send a receipt signed with the district key; the terminal purges only then. A request
/// whose answer is lost is sent again; answers that do not fit the question are ignored.
/// </summary>
public sealed class DockPuller
{
    /// <summary>Largest chunk asked for.</summary>
    public const int MaxChunk = 256 * 1024;

    private readonly ECDsa _districtKey;
    private readonly IDockStaging _staging;
    private readonly IPackageSink _sink;

    /// <summary>The puller signing receipts with <paramref name="districtKey"/>.</summary>
    public DockPuller(ECDsa districtKey, IDockStaging staging, IPackageSink sink)
    {
        _districtKey = districtKey ?? throw new ArgumentNullException(nameof(districtKey));
        _staging = staging ?? throw new ArgumentNullException(nameof(staging));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
    }

    /// <summary>
    /// The chunk: the most package bytes in flight at once. It is asked for in <see cref="Window"/> requests of
    /// <see cref="RequestSize"/> bytes, each staged as soon as it verified, so a cut loses at most what was in flight
    /// and a resumed docking re-sends at most one chunk (dock-protocol.md §3).
    /// </summary>
    public int ChunkSize { get; init; } = 32 * 1024;

    /// <summary>Bytes asked for per request: the chunk shared over the window.</summary>
    public int RequestSize => Math.Max(1, ChunkSize / Window);

    /// <summary>Time to wait for an answer before asking again.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Called with each receipt before it is first sent (write-ahead: the host's docking log then names every receipt
    /// the terminal could purge by, even when the cable is cut right after).
    /// </summary>
    public Func<SentReceipt, CancellationToken, Task>? BeforeReceipt { get; init; }

    /// <summary>Times a request is sent before the docking is given up.</summary>
    public int Attempts { get; init; } = 5;

    /// <summary>Pulls everything from the terminal at the other end of <paramref name="link"/>.</summary>
    public Task<PullResult> PullAsync(DockLink link, SecureChannel channel, string terminalId, CancellationToken cancellationToken) =>
        PullAsync(link, channel, terminalId, [], cancellationToken);

    /// <summary>
    /// Pulls everything, then sends <paramref name="pushes"/> in order in the same session (each answered by a
    /// <see cref="PushAck"/>; a refused push does not end the docking), then says goodbye.
    /// </summary>
    public Task<PullResult> PullAsync(DockLink link, SecureChannel channel, string terminalId, IReadOnlyList<PushItem> pushes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pushes);
        return PullAsync(link, channel, terminalId, _ => Task.FromResult(pushes), cancellationToken);
    }

    /// <summary>
    /// Pulls everything, then asks <paramref name="pushesAfterPull"/> for the pushes (so they can depend on what the
    /// pull just committed, e.g. a correction list without the items a new version answered) and sends them in order
    /// in the same session, then says goodbye.
    /// </summary>
    public async Task<PullResult> PullAsync(DockLink link, SecureChannel channel, string terminalId, Func<CancellationToken, Task<IReadOnlyList<PushItem>>> pushesAfterPull,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pushesAfterPull);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(channel);
        var manifest = await ManifestAsync(link, channel, cancellationToken).ConfigureAwait(false);
        var auditFrom = await _sink.AuditHeldAsync(terminalId, cancellationToken).ConfigureAwait(false) + 1;
        var (audit, auditThrough) = await AuditAsync(link, channel, auditFrom, cancellationToken).ConfigureAwait(false);
        var received = new List<ReceivedPackage>();
        var held = new List<OutboxEntry>();
        var quarantined = new List<RefusedPackage>();
        long payload = 0, resumed = 0;
        foreach (var entry in manifest.OrderBy(e => e.Sequence))
        {
            switch (await _sink.StateAsync(terminalId, entry, cancellationToken).ConfigureAwait(false))
            {
                case PackageState.Committed:
                    held.Add(entry);
                    continue;
                case PackageState.Quarantined:
                    quarantined.Add(new RefusedPackage(entry.Sequence, entry.PackageId, "已在隔离区，等待技术人员处理：未重新接收"));
                    continue;
            }
            var have = await _staging.LengthAsync(terminalId, entry, cancellationToken).ConfigureAwait(false);
            resumed += have;
            payload += await FetchAsync(link, channel, terminalId, entry, have, cancellationToken).ConfigureAwait(false);
            var bytes = await _staging.ReadAsync(terminalId, entry, cancellationToken).ConfigureAwait(false);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != entry.Sha256)
            {
                await _staging.DiscardAsync(terminalId, entry, cancellationToken).ConfigureAwait(false);
                throw new DockProtocolException($"package {entry.Sequence} does not match its SHA-256: fetched again at the next docking");
            }
            received.Add(new ReceivedPackage(entry, bytes));
        }
        if (received.Count > 0 || audit.Length > 0)
        {
            quarantined.AddRange(await _sink.CommitAsync(terminalId, received, audit, cancellationToken).ConfigureAwait(false));
        }
        var refused = quarantined.Select(q => q.Sequence).ToHashSet();
        var committed = received.Where(r => !refused.Contains(r.Entry.Sequence)).ToList();
        var purged = 0;
        var receipts = new List<SentReceipt>();
        var receipted = held.Concat(committed.Select(r => r.Entry)).ToList();
        foreach (var page in receipted.Chunk(DockMessage.ManifestPage))
        {
            // one signed receipt per page, so a full outbox never overflows a frame
            var json = DockMessage.JsonBytes(new DockReceipt(terminalId, [.. page.Select(e => new ReceiptLine(e.Sequence, e.Sha256))]));
            var signature = _districtKey.SignData(json, HashAlgorithmName.SHA256);
            var body = new byte[4 + json.Length + signature.Length];
            BinaryPrimitives.WriteInt32BigEndian(body, json.Length);
            json.CopyTo(body, 4);
            signature.CopyTo(body, 4 + json.Length);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(json));
            if (BeforeReceipt is not null)
            {
                await BeforeReceipt(new SentReceipt(sha256, [.. page.Select(e => e.Sequence)], []), cancellationToken).ConfigureAwait(false);
            }
            var ack = DockMessage.Json<List<long>>(await RequestAsync(link, channel, DockMessage.Of(DockMessageType.Receipt, body), DockMessageType.ReceiptAck,
                b => DockMessage.Json<List<long>>(b) is not null, cancellationToken).ConfigureAwait(false));
            purged += ack.Count;
            receipts.Add(new SentReceipt(sha256, [.. page.Select(e => e.Sequence)], ack));
        }
        foreach (var r in received) // committed, or kept in the district's quarantine
        {
            await _staging.DiscardAsync(terminalId, r.Entry, cancellationToken).ConfigureAwait(false);
        }
        var acks = new List<PushAck>();
        foreach (var push in await pushesAfterPull(cancellationToken).ConfigureAwait(false))
        {
            var answer = await RequestAsync(link, channel, push.Encode(), DockMessageType.PushAck, b => PushItem.DecodeAck(b).Id == push.Id, cancellationToken).ConfigureAwait(false);
            acks.Add(PushItem.DecodeAck(answer));
        }
        await link.SendAsync(DockFrameType.Sealed, channel.Seal(DockMessage.Of(DockMessageType.Bye)), cancellationToken).ConfigureAwait(false);
        return new PullResult(terminalId, committed.Count, payload, resumed, purged, link.BytesSent)
        {
            Committed = [.. committed.Select(r => r.Entry.Sequence)],
            Quarantined = quarantined,
            Audit = auditThrough == 0 ? (0, 0) : (auditFrom, auditThrough),
            Receipts = receipts,
            Pushes = acks,
        };
    }

    /// <summary>Requests kept in flight at once (together one chunk), so the link is not idle while an answer turns round.</summary>
    public int Window { get; init; } = 4;

    /// <summary>
    /// Fetches a package from <paramref name="have"/> to its end, with up to <see cref="Window"/> requests in flight.
    /// Staging only ever appends, in offset order: an answer that arrives ahead of a lost or late one is held in memory
    /// until the gap is filled; an answer for an offset not asked for in this window is stale and ignored; a silence
    /// re-asks from the first byte still missing.
    /// </summary>
    private async Task<long> FetchAsync(DockLink link, SecureChannel channel, string terminalId, OutboxEntry entry, long have, CancellationToken cancellationToken)
    {
        var fetched = 0L;
        var next = have;
        var inFlight = 0;
        var silences = 0;
        var early = new Dictionary<long, byte[]>();
        while (have < entry.Length)
        {
            while (inFlight < Window && next < entry.Length)
            {
                var want = (int)Math.Min(RequestSize, entry.Length - next);
                await link.SendAsync(DockFrameType.Sealed, channel.Seal(DockMessage.GetChunk(entry.Sequence, next, want)), cancellationToken).ConfigureAwait(false);
                next += want;
                inFlight++;
            }
            var message = await ReceiveAsync(link, channel, AnswerTimeout, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                if (++silences >= Attempts)
                {
                    throw new TimeoutException($"no answer for package {entry.Sequence} at {have} after {Attempts} attempts");
                }
                next = have;
                inFlight = 0;
                early.Clear();
                continue;
            }
            if (message.Value.Type != DockMessageType.Chunk || !Fits(b => DockMessage.ReadChunk(b).Offset >= 0, message.Value.Body))
            {
                continue;
            }
            var (sequence, offset, chunk) = DockMessage.ReadChunk(message.Value.Body);
            if (sequence != entry.Sequence || offset < have || offset >= next)
            {
                continue; // stale: an answer to a request asked again
            }
            if (chunk.Length == 0 || offset + chunk.Length > entry.Length)
            {
                throw new DockProtocolException($"package {entry.Sequence}: chunk at {offset} has {chunk.Length} bytes, does not fit its length {entry.Length}");
            }
            // an answer ahead of the first missing byte (the one before it lost or late) waits in memory, at most a window
            early[offset] = chunk;
            inFlight = Math.Max(0, inFlight - 1);
            while (early.Remove(have, out var ready))
            {
                await _staging.AppendAsync(terminalId, entry, have, ready, cancellationToken).ConfigureAwait(false);
                have += ready.Length;
                fetched += ready.Length;
                silences = 0;
            }
        }
        return fetched;
    }

    /// <summary>The next sealed message that opens, or null when none came within <paramref name="timeout"/>.</summary>
    private static async Task<(DockMessageType Type, byte[] Body)?> ReceiveAsync(DockLink link, SecureChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            DockFrameType type;
            byte[] payload;
            try
            {
                (type, payload) = await link.ReceiveAsync(deadline - DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
            if (type != DockFrameType.Sealed)
            {
                continue;
            }
            byte[] message;
            try
            {
                message = channel.Open(payload);
            }
            catch (DockSecurityException)
            {
                continue;
            }
            if (message.Length == 0)
            {
                continue;
            }
            if ((DockMessageType)message[0] == DockMessageType.Failure)
            {
                throw new DockProtocolException("terminal reports: " + System.Text.Encoding.UTF8.GetString(message, 1, message.Length - 1));
            }
            return ((DockMessageType)message[0], message[1..]);
        }
        return null;
    }

    /// <summary>
    /// The terminal's audit entries from <paramref name="from"/> on, page by page (whole frames back to back), and the
    /// sequence of the last (0: none). Each page must start at the sequence asked for and hold whole frames numbered on
    /// from there; the district's sink then checks the hashes, the links and the signatures.
    /// </summary>
    private async Task<(byte[] Frames, long Through)> AuditAsync(DockLink link, SecureChannel channel, long from, CancellationToken cancellationToken)
    {
        var frames = new List<byte>();
        var next = from;
        while (true)
        {
            var start = next;
            var (_, page) = DockMessage.ReadAudit(await RequestAsync(link, channel, DockMessage.GetAudit(start), DockMessageType.Audit,
                body => DockMessage.ReadAudit(body).From == start, cancellationToken).ConfigureAwait(false));
            if (page.Length == 0)
            {
                return ([.. frames], next - 1 >= from ? next - 1 : 0);
            }
            var at = 0;
            while (at < page.Length)
            {
                if (!AuditEntryCodec.TryDecode(page.AsSpan(at), out var entry, out var used) || entry!.Sequence != next)
                {
                    throw new DockProtocolException($"终端的审计记录第 {next} 条无法读取或序号不对：本次未入库，请联系技术人员");
                }
                at += used;
                next++;
            }
            frames.AddRange(page);
        }
    }

    /// <summary>The whole manifest, page by page.</summary>
    private async Task<List<OutboxEntry>> ManifestAsync(DockLink link, SecureChannel channel, CancellationToken cancellationToken)
    {
        var manifest = new List<OutboxEntry>();
        var from = 0L;
        while (true)
        {
            var start = from;
            var page = DockMessage.Json<List<OutboxEntry>>(await RequestAsync(link, channel, DockMessage.GetManifest(start), DockMessageType.Manifest,
                body => DockMessage.Json<List<OutboxEntry>>(body).All(e => e.Sequence >= start), cancellationToken).ConfigureAwait(false));
            if (page.Count == 0)
            {
                return manifest;
            }
            manifest.AddRange(page);
            from = page[^1].Sequence + 1;
        }
    }

    /// <summary>Sends a request and returns the body of the first answer of the expected type that fits it.</summary>
    private async Task<byte[]> RequestAsync(DockLink link, SecureChannel channel, byte[] request, DockMessageType expected, Func<byte[], bool> fits, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await link.SendAsync(DockFrameType.Sealed, channel.Seal(request), cancellationToken).ConfigureAwait(false);
            var deadline = DateTime.UtcNow + AnswerTimeout;
            while (DateTime.UtcNow < deadline && await ReceiveAsync(link, channel, deadline - DateTime.UtcNow, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                if (answer.Type == expected && Fits(fits, answer.Body))
                {
                    return answer.Body;
                }
            }
        }
        throw new TimeoutException($"no answer to {(DockMessageType)request[0]} after {Attempts} attempts");
    }

    private static bool Fits(Func<byte[], bool> fits, byte[] body)
    {
        try
        {
            return fits(body);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
