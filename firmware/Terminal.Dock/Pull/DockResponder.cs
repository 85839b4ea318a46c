using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Terminal.Dock.Framing;
using Terminal.Dock.Push;
using Terminal.Dock.Session;

namespace Terminal.Dock.Pull;

/// <summary>
/// The terminal's end of a docking: answers the host's requests from the outbox, and purges packages only when a
/// receipt signed with the district's key names them. Stateless per request, so a repeated request (after a lost
/// frame) gets the same answer.
/// </summary>
public sealed class DockResponder
{
    private readonly string _terminalId;
    private readonly byte[] _districtPoint;
    private readonly IOutbox _outbox;
    private readonly IPushTarget? _pushes;

    /// <summary>
    /// The responder of terminal <paramref name="terminalId"/>, trusting receipts signed by <paramref name="districtPoint"/>;
    /// host pushes go to <paramref name="pushes"/> (refused when null).
    /// </summary>
    public DockResponder(string terminalId, byte[] districtPoint, IOutbox outbox, IPushTarget? pushes = null)
    {
        _terminalId = terminalId;
        _districtPoint = districtPoint;
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _pushes = pushes;
    }

    /// <summary>Serves one docking until the host says goodbye; the link dropping ends it with an exception.</summary>
    public async Task ServeAsync(DockLink link, SecureChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(channel);
        while (true)
        {
            var (type, payload) = await link.ReceiveAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
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
                continue; // a replayed or foreign frame is ignored, never answered
            }
            if (message.Length == 0)
            {
                continue;
            }
            var body = message.AsMemory(1);
            byte[]? answer;
            try
            {
                answer = await AnswerAsync((DockMessageType)message[0], body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                answer = DockMessage.Of(DockMessageType.Failure, "malformed request"u8);
            }
            if (answer is null)
            {
                return;
            }
            await link.SendAsync(DockFrameType.Sealed, channel.Seal(answer), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The answer to one request; null for the host's goodbye.</summary>
    private async Task<byte[]?> AnswerAsync(DockMessageType type, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
            type switch
            {
                DockMessageType.GetManifest => await ManifestPageAsync(body, cancellationToken).ConfigureAwait(false),
                DockMessageType.GetChunk => await ChunkAsync(body, cancellationToken).ConfigureAwait(false),
                DockMessageType.Receipt => await ReceiptAsync(body, cancellationToken).ConfigureAwait(false),
                DockMessageType.Push => await PushAsync(body, cancellationToken).ConfigureAwait(false),
                DockMessageType.GetAudit => await AuditPageAsync(body, cancellationToken).ConfigureAwait(false),
                DockMessageType.Bye => null,
                _ => DockMessage.Of(DockMessageType.Failure, "unknown request"u8),
            };

    /// <summary>Up to <see cref="DockMessage.ManifestPage"/> entries from the sequence asked for: a full outbox never overflows a frame.</summary>
    private async Task<byte[]> ManifestPageAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var from = DockMessage.ReadFromSequence(body.Span);
        var entries = await _outbox.EntriesAsync(cancellationToken).ConfigureAwait(false);
        return DockMessage.OfJson(DockMessageType.Manifest, entries.Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(DockMessage.ManifestPage).ToList());
    }

    private async Task<byte[]> AuditPageAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var from = DockMessage.ReadFromSequence(body.Span);
        return DockMessage.Audit(from, await _outbox.AuditAsync(from, DockMessage.AuditPage, cancellationToken).ConfigureAwait(false));
    }

    private async Task<byte[]> ChunkAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (sequence, offset, max) = DockMessage.ReadGetChunk(body.Span);
        var buffer = new byte[Math.Clamp(max, 1, DockPuller.MaxChunk)];
        var read = await _outbox.ReadAsync(sequence, offset, buffer, cancellationToken).ConfigureAwait(false);
        return DockMessage.Chunk(sequence, offset, buffer.AsSpan(0, read));
    }

    private async Task<byte[]> ReceiptAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var span = body.Span;
        if (span.Length < 4 + DockKeys.SignatureLength)
        {
            return DockMessage.Of(DockMessageType.Failure, "malformed receipt"u8);
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(span);
        if (length < 0 || 4 + length + DockKeys.SignatureLength != span.Length)
        {
            return DockMessage.Of(DockMessageType.Failure, "malformed receipt"u8);
        }
        var json = span.Slice(4, length);
        using (var district = DockKeys.VerifyingKey(_districtPoint))
        {
            if (!district.VerifyData(json, span[(4 + length)..], HashAlgorithmName.SHA256))
            {
                return DockMessage.Of(DockMessageType.Failure, Encoding.UTF8.GetBytes("回执签名不符：不清除任何记录"));
            }
        }
        var receipt = DockMessage.Json<DockReceipt>(json);
        var receiptSha256 = Convert.ToHexStringLower(SHA256.HashData(json));
        if (receipt.TerminalId != _terminalId)
        {
            return DockMessage.Of(DockMessageType.Failure, Encoding.UTF8.GetBytes("回执不是给本终端的：不清除任何记录"));
        }
        var waiting = (await _outbox.EntriesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Sequence);
        var purge = receipt.Packages.Where(p => waiting.TryGetValue(p.Sequence, out var e) && e.Sha256 == p.Sha256).Select(p => p.Sequence).ToList();
        var purged = purge.Count == 0 ? [] : await _outbox.PurgeAsync(purge, receiptSha256, cancellationToken).ConfigureAwait(false);
        // a receipt sent again (its answer lost) names packages already purged: they are acknowledged as gone
        var gone = receipt.Packages.Where(p => !waiting.ContainsKey(p.Sequence)).Select(p => p.Sequence);
        return DockMessage.OfJson(DockMessageType.ReceiptAck, purged.Concat(gone).Order().ToList());
    }

    private async Task<byte[]> PushAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var push = PushItem.Decode(body.Span);
        var ack = _pushes is null
            ? new PushAck(push.Id, push.Kind, PushStatus.Refused, "本终端不接收下发数据")
            : await _pushes.ApplyAsync(push, cancellationToken).ConfigureAwait(false);
        return PushItem.EncodeAck(ack);
    }
}
