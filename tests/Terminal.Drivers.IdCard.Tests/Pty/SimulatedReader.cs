using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Testing;

namespace Terminal.Drivers.IdCard.Tests.Pty;

/// <summary>A pty pair with the simulator answering on the device end, and the driver's options for the host end.</summary>
internal sealed class SimulatedReader : IAsyncDisposable
{
    private CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private SimulatedReader(PtyPair pty, IdCardReaderSimulator simulator)
    {
        Pty = pty;
        Simulator = simulator;
        Options = new IdCardReaderOptions { PortName = pty.HostEnd, PollInterval = TimeSpan.FromMilliseconds(100), ReconnectInterval = TimeSpan.FromMilliseconds(200) };
    }

    public static readonly CardDeck Deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));

    public PtyPair Pty { get; }

    public IdCardReaderSimulator Simulator { get; }

    public IdCardReaderOptions Options { get; }

    public static SimulatedReader Start()
    {
        var reader = new SimulatedReader(PtyPair.Start(), new IdCardReaderSimulator(Deck));
        reader.StartSimulator();
        return reader;
    }

    /// <summary>Opens the driver's end as the terminal does.</summary>
    public SamPort OpenDriver() => SerialSamConnection.Open(Options);

    /// <summary>Pulls the reader out: the simulator stops and both device nodes vanish.</summary>
    public async Task UnplugAsync()
    {
        await _stop.CancelAsync();
        Pty.Unplug();
        await _running.ConfigureAwait(false);
    }

    /// <summary>Plugs it back: new device nodes, the simulator answering again.</summary>
    public void Replug()
    {
        Pty.Replug();
        _stop = new CancellationTokenSource();
        StartSimulator();
    }

    private void StartSimulator()
    {
        var stream = SimulatorPort.Open(Pty.DeviceEnd, 115200);
        var token = _stop.Token;
        _running = Task.Run(async () =>
        {
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    await Simulator.RunAsync(stream, token).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // unplugged under it
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await UnplugAsync().ConfigureAwait(false);
        _stop.Dispose();
        Pty.Dispose();
    }
}
