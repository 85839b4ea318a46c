using Microsoft.Extensions.Hosting;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Firmware.Web;

namespace Terminal.Firmware.Collection;

/// <summary>
/// Watches the ID card reader all the time the app runs (<see cref="CardWatcher"/>: one event per placement,
/// reconnects after an unplug) and keeps what the collection pages need: the reader's state in words, and the card
/// last placed until a page takes it. The card stays in memory only.
/// </summary>
public sealed class CardReaderService : BackgroundService
{
    private readonly CardWatcher _watcher;
    private readonly object _gate = new();
    private CardData? _placed;

    /// <summary>Watches the reader the options name.</summary>
    public CardReaderService(TerminalAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _watcher = new CardWatcher(() => SerialSamConnection.Open(options.Reader), options.Reader);
    }

    /// <summary>True while the reader answers.</summary>
    public bool Connected { get; private set; }

    /// <summary>The reader's state for the field worker ("读卡器已连接", or what is wrong and what to do).</summary>
    public string State { get; private set; } = "正在连接读卡器…";

    /// <summary>What went wrong with the last card, if anything ("请勿移动身份证"…), until the next good read.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>True when a card has been read and not yet taken.</summary>
    public bool HasCard
    {
        get
        {
            lock (_gate)
            {
                return _placed is not null;
            }
        }
    }

    /// <summary>The card placed since the last call, or null ("请把身份证放在读卡区").</summary>
    public CardData? TakeCard()
    {
        lock (_gate)
        {
            var card = _placed;
            _placed = null;
            return card;
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in _watcher.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                switch (e)
                {
                    case CardEvent.ReaderConnected:
                        (Connected, State) = (true, e.Message);
                        break;
                    case CardEvent.ReaderUnavailable:
                        (Connected, State) = (false, e.Message);
                        break;
                    case CardEvent.CardPlaced placed:
                        lock (_gate)
                        {
                            _placed = placed.Card;
                        }
                        LastProblem = null;
                        break;
                    case CardEvent.CardProblem:
                        LastProblem = e.Message;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the app is stopping
        }
    }
}
