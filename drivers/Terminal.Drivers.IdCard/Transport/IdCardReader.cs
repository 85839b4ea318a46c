using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>
/// The reader's commands over a <see cref="SamPort"/>: each with its timeout (plus the wire time of its longest
/// reply at the configured baud rate) and bounded retries when a reply is lost or broken or the SAM reports a
/// frame error (10, 11, 21). Card reads follow the normal sequence find → select → read (idcard.md §2.1).
/// </summary>
public sealed class IdCardReader
{
    private readonly SamPort _port;
    private readonly IdCardReaderOptions _options;

    /// <summary>Uses <paramref name="port"/> (not owned) with <paramref name="options"/>.</summary>
    public IdCardReader(SamPort port, IdCardReaderOptions options)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Resets the SAM.</summary>
    public async Task<SamStatus> ResetAsync(CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(SamCommand.Reset, cancellationToken).ConfigureAwait(false)).Status;

    /// <summary>The SAM's status (90 when it is working).</summary>
    public async Task<SamStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(SamCommand.Status, cancellationToken).ConfigureAwait(false)).Status;

    /// <summary>The SAM's management number; throws <see cref="SamCommandException"/> when the SAM refuses.</summary>
    public async Task<string> ReadSamIdAsync(CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync(SamCommand.ReadSamId, cancellationToken).ConfigureAwait(false);
        return reply.Status == SamStatus.Ok ? SamId.Format(reply.Data.Span) : throw new SamCommandException(SamCommand.ReadSamId, reply.Status);
    }

    /// <summary>
    /// Reads the card on the reader once: find, select, read, and the appended address when asked for. A lost or
    /// broken reply after every retry is a <see cref="CardReadResult.Failed"/> with a null status; only the
    /// reader going away (<see cref="IOException"/>) is thrown.
    /// </summary>
    public async Task<CardReadResult> ReadCardAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadCardOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new CardReadResult.Failed(null, NoAnswer);
        }
        catch (SamProtocolException)
        {
            return new CardReadResult.Failed(null, "读卡数据出错：请取下身份证后重新放置");
        }
    }

    /// <summary>The message for a reader that does not answer.</summary>
    public const string NoAnswer = "读卡器没有响应：请检查读卡器连线，或重新插拔读卡器";

    private async Task<CardReadResult> ReadCardOnceAsync(CancellationToken cancellationToken)
    {
        var found = await ExecuteAsync(SamCommand.FindCard, cancellationToken).ConfigureAwait(false);
        if (found.Status == SamStatus.NoCard)
        {
            return new CardReadResult.NoCard();
        }
        if (found.Status != SamStatus.CardFound)
        {
            return Failed(found.Status);
        }
        var selected = await ExecuteAsync(SamCommand.SelectCard, cancellationToken).ConfigureAwait(false);
        if (selected.Status != SamStatus.Ok)
        {
            return Failed(selected.Status);
        }
        var command = _options.ReadFingerprint ? SamCommand.ReadTextPhotoAndFingerprint : SamCommand.ReadTextAndPhoto;
        var read = await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (read.Status != SamStatus.Ok)
        {
            return Failed(read.Status);
        }
        var card = CardData.Parse(read.Data.Span, _options.ReadFingerprint);
        if (_options.ReadAppendedAddress && card.Identity.Type is CardType.ResidentIdCard)
        {
            var appended = await ExecuteAsync(SamCommand.ReadAppendedAddress, cancellationToken).ConfigureAwait(false);
            if (appended.Status == SamStatus.Ok)
            {
                card = card with { Identity = card.Identity with { AppendedAddress = AppendedAddress.Decode(appended.Data.Span) } };
            }
        }
        return new CardReadResult.Read(card);
    }

    /// <summary>
    /// Sends a command, retrying a lost or broken reply and the SAM's frame errors up to the configured attempts.
    /// After the last attempt the last failure is thrown (<see cref="TimeoutException"/>, <see cref="SamProtocolException"/>)
    /// or, for a frame error the SAM keeps reporting, its reply is returned.
    /// </summary>
    public async Task<SamResponse> ExecuteAsync(SamCommand command, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= _options.Attempts;
            try
            {
                var reply = await _port.ExchangeAsync(command, TimeoutOf(command), cancellationToken).ConfigureAwait(false);
                if (last || reply.Status is not (SamStatus.ChecksumError or SamStatus.LengthError or SamStatus.CommandError))
                {
                    return reply;
                }
            }
            catch (Exception e) when (!last && e is TimeoutException or SamProtocolException)
            {
                await _port.DrainAsync(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The time allowed for a command's reply: a base time per command plus the wire time of its longest reply.</summary>
    public TimeSpan TimeoutOf(SamCommand command)
    {
        var (baseMs, replyBytes) = command switch
        {
            _ when command == SamCommand.FindCard => (800, 15),
            _ when command == SamCommand.SelectCard => (500, 19),
            _ when command == SamCommand.ReadTextAndPhoto => (2000, 1295),
            _ when command == SamCommand.ReadTextPhotoAndFingerprint => (3000, 2321),
            _ when command == SamCommand.ReadAppendedAddress => (1000, 81),
            _ => (1000, 64),
        };
        return TimeSpan.FromMilliseconds(baseMs + WireTime(replyBytes + 10).TotalMilliseconds);
    }

    /// <summary>How long <paramref name="bytes"/> take on the wire at the configured baud rate (8N1: 10 bits a byte).</summary>
    public TimeSpan WireTime(int bytes) => TimeSpan.FromSeconds(bytes * 10.0 / _options.BaudRate);

    private static CardReadResult.Failed Failed(SamStatus status) => new(status, SamStatusText.For(status));
}
