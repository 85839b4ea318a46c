using System.Runtime.CompilerServices;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>
/// The reading loop for the workflow: polls for a card, reads it once, emits one <see cref="CardEvent.CardPlaced"/>
/// per placement, and reopens the reader when it goes away (unplugged and plugged back) without a restart.
/// A placement is a read of a different card, or of the same card after the reader reported no card on
/// <see cref="RemovalPolls"/> polls in a row — so a card lying still never gives two events, whether the reader
/// keeps finding it or (as real SAM readers do after a good read) stops finding it until it is lifted.
/// </summary>
public sealed class CardWatcher
{
    /// <summary>"No card" polls in a row that mean the card was taken away.</summary>
    public const int RemovalPolls = 2;

    private readonly Func<SamPort> _open;
    private readonly IdCardReaderOptions _options;
    private readonly ICardFeedback? _feedback;
    private readonly TimeProvider _time;

    /// <summary>Watches the reader that <paramref name="open"/> opens (it throws <see cref="ReaderUnavailableException"/> when it cannot).</summary>
    public CardWatcher(Func<SamPort> open, IdCardReaderOptions options, ICardFeedback? feedback = null, TimeProvider? time = null)
    {
        _open = open ?? throw new ArgumentNullException(nameof(open));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _feedback = feedback;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The events, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<CardEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        SamPort? port = null;
        string? unavailable = null;
        string? lastCard = null;
        var noCardPolls = 0;
        var noAnswers = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (port is null)
                {
                    (port, var why) = TryOpen();
                    if (port is null)
                    {
                        if (why != unavailable)
                        {
                            unavailable = why;
                            yield return new CardEvent.ReaderUnavailable(why!);
                        }
                        await DelayAsync(_options.ReconnectInterval, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    unavailable = null;
                    yield return new CardEvent.ReaderConnected(await TryReadSamIdAsync(port, cancellationToken).ConfigureAwait(false));
                }
                var (result, lost) = await TryReadAsync(port, cancellationToken).ConfigureAwait(false);
                if (result is CardReadResult.Failed { Status: null, Reason: IdCardReader.NoAnswer } && ++noAnswers >= 2)
                {
                    lost = IdCardReader.NoAnswer;
                }
                if (lost is not null)
                {
                    await port.DisposeAsync().ConfigureAwait(false);
                    port = null;
                    noAnswers = 0;
                    unavailable = lost;
                    yield return new CardEvent.ReaderUnavailable(lost);
                    continue;
                }
                switch (result)
                {
                    case CardReadResult.Read read:
                        noAnswers = 0;
                        var key = read.Card.Identity.IdNumber + "/" + read.Card.PhotoSha256;
                        if (key != lastCard || noCardPolls >= RemovalPolls)
                        {
                            lastCard = key;
                            _feedback?.CardRead();
                            yield return new CardEvent.CardPlaced(read.Card);
                        }
                        noCardPolls = 0;
                        break;
                    case CardReadResult.NoCard:
                        noAnswers = 0;
                        noCardPolls++;
                        break;
                    case CardReadResult.Failed failed when failed.Status is not null || failed.Reason != IdCardReader.NoAnswer:
                        noAnswers = 0;
                        _feedback?.CardFailed();
                        yield return new CardEvent.CardProblem(failed.Message);
                        break;
                    default:
                        break;
                }
                await DelayAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (port is not null)
            {
                await port.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private (SamPort? Port, string? Why) TryOpen()
    {
        try
        {
            return (_open(), null);
        }
        catch (ReaderUnavailableException e)
        {
            return (null, e.Message);
        }
    }

    private async Task<string?> TryReadSamIdAsync(SamPort port, CancellationToken cancellationToken)
    {
        try
        {
            return await new IdCardReader(port, _options).ReadSamIdAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or Protocol.SamProtocolException or SamCommandException or IOException)
        {
            return null; // the card reads will tell whether the reader works
        }
    }

    private async Task<(CardReadResult? Result, string? Lost)> TryReadAsync(SamPort port, CancellationToken cancellationToken)
    {
        try
        {
            return (await new IdCardReader(port, _options).ReadCardAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (IOException e)
        {
            return (null, e is ReaderUnavailableException ? e.Message : SamPort.LostMessage);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the loop ends at the top
        }
    }
}
