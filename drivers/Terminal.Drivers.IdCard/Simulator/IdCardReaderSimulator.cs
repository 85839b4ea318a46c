using System.Buffers;
using System.Diagnostics;
using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Simulator;

/// <summary>
/// The reader's side of the SAM protocol, for tests and the demo: reads request frames from a stream (the other
/// end of a pty pair) and answers as a reader does, paced at the configured baud rate. Like a real reader, after a
/// good read it stops finding the card until the card is taken away and placed again (idcard.md §2.1, "card
/// removal"). Faults are injected on command. Control methods may be called from any thread while it runs.
/// </summary>
public sealed class IdCardReaderSimulator
{
    private readonly CardDeck _deck;
    private readonly int _baudRate;
    private readonly Lock _gate = new();
    private readonly Queue<ReaderFault> _faults = new();
    private readonly Random _random;
    private SimulatedCard? _card;
    private bool _selected;
    private bool _readSincePlaced;
    private bool _removeDuringNextRead;
    private int _requests;

    /// <summary>A simulator holding <paramref name="deck"/>, answering at <paramref name="baudRate"/> (0 = unpaced).</summary>
    public IdCardReaderSimulator(CardDeck deck, int baudRate = 115200, int seed = 1)
    {
        _deck = deck ?? throw new ArgumentNullException(nameof(deck));
        _baudRate = baudRate;
        _random = new Random(seed);
    }

    /// <summary>The SAM number the simulator reports (data of 12 FF).</summary>
    public static ReadOnlySpan<byte> SamIdData => [0x05, 0x00, 0x01, 0x00, 0x39, 0x30, 0x00, 0x00, 0x15, 0xCD, 0x5B, 0x07, 0xB1, 0x68, 0xDE, 0x3A];

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The card on the reader, if any.</summary>
    public SimulatedCard? Card
    {
        get
        {
            lock (_gate)
            {
                return _card;
            }
        }
    }

    /// <summary>Places card <paramref name="index"/> of the deck on the reader.</summary>
    public void Place(int index)
    {
        lock (_gate)
        {
            _card = _deck.Cards[index];
            _selected = false;
            _readSincePlaced = false;
        }
    }

    /// <summary>Takes the card away.</summary>
    public void Remove()
    {
        lock (_gate)
        {
            _card = null;
            _selected = false;
        }
    }

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="times"/> replies.</summary>
    public void Inject(ReaderFault fault, int times = 1)
    {
        lock (_gate)
        {
            if (fault == ReaderFault.CardRemovedMidRead)
            {
                _removeDuringNextRead = true;
                return;
            }
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Answers requests from <paramref name="stream"/> until it ends or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[8192];
        var filled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (read == 0)
            {
                return;
            }
            filled += read;
            var pending = new ReadOnlySequence<byte>(buffer, 0, filled);
            while (true)
            {
                byte[]? reply;
                try
                {
                    reply = SamFrameCodec.TryReadRequest(ref pending, out var request) ? Answer(request) : null;
                    if (reply is null)
                    {
                        break;
                    }
                }
                catch (SamProtocolException e)
                {
                    reply = SamFrameCodec.EncodeResponse(e.Message.StartsWith("checksum", StringComparison.Ordinal) ? SamStatus.ChecksumError : SamStatus.LengthError);
                }
                Interlocked.Increment(ref _requests);
                try
                {
                    if (_baudRate > 0)
                    {
                        // the request took its wire time to arrive on a real line; a pty delivers it at once
                        await Task.Delay(TimeSpan.FromSeconds((SamFrame.HeaderLength + 3) * 10.0 / _baudRate), cancellationToken).ConfigureAwait(false);
                    }
                    await SendAsync(stream, reply, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // stopped while pacing the request or sending the reply: a stop, not a fault
                    return;
                }
            }
            var rest = (int)pending.Length;
            Buffer.BlockCopy(buffer, filled - rest, buffer, 0, rest);
            filled = rest;
        }
    }

    private byte[] Answer(SamRequest request)
    {
        lock (_gate)
        {
            var c = request.Command;
            if (c == SamCommand.Reset || c == SamCommand.Status)
            {
                return SamFrameCodec.EncodeResponse(SamStatus.Ok);
            }
            if (c == SamCommand.ReadSamId)
            {
                return SamFrameCodec.EncodeResponse(SamStatus.Ok, SamIdData);
            }
            if (c == SamCommand.FindCard)
            {
                return _card is not null && !_readSincePlaced
                    ? SamFrameCodec.EncodeResponse(SamStatus.CardFound, [0, 0, 0, 0])
                    : SamFrameCodec.EncodeResponse(SamStatus.NoCard);
            }
            if (c == SamCommand.SelectCard)
            {
                _selected = _card is not null;
                return _selected ? SamFrameCodec.EncodeResponse(SamStatus.Ok, new byte[8]) : SamFrameCodec.EncodeResponse(SamStatus.SelectFailed);
            }
            if (c == SamCommand.ReadTextAndPhoto || c == SamCommand.ReadTextPhotoAndFingerprint)
            {
                if (_removeDuringNextRead)
                {
                    _removeDuringNextRead = false;
                    _card = null;
                    _selected = false;
                }
                if (_card is null || !_selected)
                {
                    return SamFrameCodec.EncodeResponse(SamStatus.ReadFailed);
                }
                _readSincePlaced = true;
                var withFingerprint = c == SamCommand.ReadTextPhotoAndFingerprint;
                return SamFrameCodec.EncodeResponse(SamStatus.Ok, CardData.Encode(_card.Text(), _card.Photo(), _card.FingerprintTemplates(), withFingerprint));
            }
            if (c == SamCommand.ReadAppendedAddress)
            {
                return _card?.AppendedAddress is { } address
                    ? SamFrameCodec.EncodeResponse(SamStatus.Ok, AppendedAddress.Encode(address))
                    : SamFrameCodec.EncodeResponse(SamStatus.NoContent);
            }
            return SamFrameCodec.EncodeResponse(SamStatus.CommandError);
        }
    }

    private async Task SendAsync(Stream stream, byte[] reply, CancellationToken cancellationToken)
    {
        ReaderFault? fault = null;
        lock (_gate)
        {
            if (_faults.TryDequeue(out var f))
            {
                fault = f;
            }
        }
        switch (fault)
        {
            case ReaderFault.Silence:
                return;
            case ReaderFault.LongDelay:
                await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken).ConfigureAwait(false);
                break;
            case ReaderFault.BitError:
                reply[SamFrame.LengthOffset + 2 + _random.Next(reply.Length - SamFrame.LengthOffset - 2)] ^= (byte)(1 << _random.Next(8));
                break;
            case ReaderFault.WrongChecksum:
                reply[^1] ^= 0xFF;
                break;
            case ReaderFault.Truncated:
                reply = reply[..(reply.Length / 2)];
                break;
            case ReaderFault.Garbage:
                var noise = new byte[1 + _random.Next(40)];
                _random.NextBytes(noise);
                await PacedWriteAsync(stream, noise, cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }
        await PacedWriteAsync(stream, reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes at the wire speed of the baud rate (8N1: 10 bits a byte), in chunks of 64 bytes.</summary>
    private async Task PacedWriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < bytes.Length; offset += 64)
        {
            var chunk = Math.Min(64, bytes.Length - offset);
            await stream.WriteAsync(bytes.AsMemory(offset, chunk), cancellationToken).ConfigureAwait(false);
            if (_baudRate > 0)
            {
                var due = TimeSpan.FromSeconds((offset + chunk) * 10.0 / _baudRate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
