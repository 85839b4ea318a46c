using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Firmware.Web;
using Terminal.Storage.Keys;
using Terminal.Storage.Network;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Web;

/// <summary>
/// The real terminal app on a free loopback port, on a freshly provisioned store with a small roster, with the ID
/// card reader simulator answering on the other end of a socat pty pair (the real driver code reads it), and the
/// network guard reading a folder that holds only loopback and the dock gadget, as on the handheld.
/// </summary>
internal sealed class TerminalAppFixture : IAsyncDisposable
{
    public const string OperatorId = "op-0401";
    public const string Pin = "246810";

    private readonly string _folder;
    private readonly PtyPair _pty;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _simulating;
    private readonly Stream _simulatorPort;

    private TerminalAppFixture(string folder, PtyPair pty, IdCardReaderSimulator simulator, Stream simulatorPort, WebApplication app, string address)
    {
        _folder = folder;
        _pty = pty;
        Simulator = simulator;
        _simulatorPort = simulatorPort;
        App = app;
        Address = address;
        _simulating = simulator.RunAsync(simulatorPort, _stop.Token);
    }

    public IdCardReaderSimulator Simulator { get; }

    public WebApplication App { get; }

    /// <summary>The app's address, e.g. http://127.0.0.1:40123.</summary>
    public string Address { get; }

    /// <summary>The network guard's folder: add an interface to it to see collecting refused.</summary>
    public string NetworkFolder => Path.Combine(_folder, "net");

    public static async Task<TerminalAppFixture> StartAsync(IEnumerable<InitialDataEntry> roster)
    {
        var folder = Path.Combine(Path.GetTempPath(), "terminal-app-" + Guid.NewGuid().ToString("N")[..8]);
        var store = Path.Combine(folder, "store");
        using (var district = DistrictKeyPair.Generate(DistrictSuite.P256))
        using (var recovery = RecoveryKey.Generate())
        using (var provisioned = TerminalStore.Provision(new TerminalStoreOptions { Folder = store, Argon2id = Argon2idOptions.Cheap },
            new TerminalProvisioning("T650105-04", district.PublicKey, recovery, OperatorId, Pin)))
        {
            provisioned.LoadInitialData(roster);
        }
        foreach (var (name, state) in new[] { ("lo", "unknown"), ("usb0", "up") })
        {
            Directory.CreateDirectory(Path.Combine(folder, "net", name));
            File.WriteAllText(Path.Combine(folder, "net", name, "operstate"), state + "\n");
        }
        var pty = PtyPair.Start();
        var deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));
        var simulator = new IdCardReaderSimulator(deck);
        var simulatorPort = SimulatorPort.Open(pty.DeviceEnd, 115200);
        var app = TerminalWebHost.Build(new TerminalAppOptions
        {
            Port = 0,
            StoreFolder = store,
            CollectionPointCode = "650105-04",
            Reader = new IdCardReaderOptions { PortName = pty.HostEnd, PollInterval = TimeSpan.FromMilliseconds(150) },
            NetworkGuard = new NetworkGuardOptions { InterfacesFolder = Path.Combine(folder, "net") },
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TerminalAppFixture(folder, pty, simulator, simulatorPort, app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _simulating;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // the pty goes away with the test
        }
        await _simulatorPort.DisposeAsync();
        _pty.Dispose();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
