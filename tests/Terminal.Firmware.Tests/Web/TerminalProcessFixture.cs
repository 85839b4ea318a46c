using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Web;

/// <summary>
/// The terminal program (`terminal serve`: the x86-64 build, or the linux-arm64 publish under qemu-user, as
/// <see cref="TerminalProgram"/> says) as its own process, so a test can kill it (SIGKILL: a power cut as
/// the app sees it) and start it again on the same store. Around it, as on the handheld: a freshly provisioned store
/// with a roster, the ID card reader simulator and the signature pad simulator each on the far end of a socat pty
/// pair (the program's real drivers read the near ends), the 演示摄像头, and a network folder with only loopback and
/// the dock gadget.
/// </summary>
internal sealed class TerminalProcessFixture : IAsyncDisposable
{
    public const string OperatorId = "op-0401";
    public const string Pin = "246810";

    private readonly TerminalProgram _program;
    private readonly string _folder;
    private readonly PtyPair _reader;
    private readonly PtyPair _pad;
    private readonly Stream _readerPort;
    private readonly System.IO.Ports.SerialPort _padPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _simulating;
    private readonly int _port;
    private Process? _process;

    private TerminalProcessFixture(TerminalProgram program, string folder, PtyPair reader, PtyPair pad, IdCardReaderSimulator simulator, Stream readerPort, System.IO.Ports.SerialPort padPort, int port)
    {
        _program = program;
        _folder = folder;
        _reader = reader;
        _pad = pad;
        Reader = simulator;
        _readerPort = readerPort;
        _padPort = padPort;
        _port = port;
        _simulating = simulator.RunAsync(readerPort, _stop.Token);
    }

    /// <summary>The ID card reader simulator: Place(n) puts card n of the sample deck on it.</summary>
    public IdCardReaderSimulator Reader { get; }

    /// <summary>The app's address.</summary>
    public string Address => $"http://127.0.0.1:{_port}";

    /// <summary>The terminal's store (open it only while the program is stopped).</summary>
    public string StoreFolder => Path.Combine(_folder, "store");

    /// <summary>The program's console output so far (for failure messages).</summary>
    public string Output { get; private set; } = "";

    /// <summary>
    /// The x86-64 build on a store provisioned in-process (cheap Argon2id) with <paramref name="roster"/>;
    /// <paramref name="prepare"/> works on the store logged in before the program starts (pushes the host would send).
    /// </summary>
    public static Task<TerminalProcessFixture> StartAsync(IEnumerable<InitialDataEntry> roster, Action<TerminalStore>? prepare = null) =>
        StartAsync(TerminalProgram.Native, store =>
        {
            using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
            using var recovery = RecoveryKey.Generate();
            using var provisioned = TerminalStore.Provision(new TerminalStoreOptions { Folder = store, Argon2id = Argon2idOptions.Cheap },
                new TerminalProvisioning("T650105-04", district.PublicKey, recovery, OperatorId, Pin));
            provisioned.LoadInitialData(roster);
            prepare?.Invoke(provisioned);
            return Task.CompletedTask;
        });

    /// <summary>
    /// <paramref name="program"/> on a store that <paramref name="provision"/> makes in the folder it is given
    /// (for the terminal's collection point 650105-04, operator <see cref="OperatorId"/> with <see cref="Pin"/>).
    /// </summary>
    public static async Task<TerminalProcessFixture> StartAsync(TerminalProgram program, Func<string, Task> provision)
    {
        ArgumentNullException.ThrowIfNull(provision);
        var folder = Path.Combine(Path.GetTempPath(), "terminal-process-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await provision(Path.Combine(folder, "store"));
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
        foreach (var (name, state) in new[] { ("lo", "unknown"), ("usb0", "up") })
        {
            Directory.CreateDirectory(Path.Combine(folder, "net", name));
            File.WriteAllText(Path.Combine(folder, "net", name, "operstate"), state + "\n");
        }
        var reader = PtyPair.Start();
        var pad = PtyPair.Start();
        var deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));
        var fixture = new TerminalProcessFixture(program, folder, reader, pad, new IdCardReaderSimulator(deck), SimulatorPort.Open(reader.DeviceEnd, 115200),
            PtyPair.OpenSerial(pad.DeviceEnd, 9600), FreePort());
        try
        {
            await fixture.StartAppAsync();
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
        return fixture;
    }

    /// <summary>Starts the program and waits until it answers.</summary>
    public async Task StartAppAsync()
    {
        var start = _program.StartInfo([
            "serve", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--store", StoreFolder, "--reader", _reader.HostEnd, "--pad", _pad.HostEnd, "--camera", "demo",
            "--point", "650105-04", "--network-folder", Path.Combine(_folder, "net"),
        ]);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Output += e.Data + "\n";
        process.ErrorDataReceived += (_, e) => Output += e.Data + "\n";
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(Address + "/api/status")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (process.HasExited || deadline.Elapsed > _program.Patience)
            {
                throw new InvalidOperationException("the terminal program did not start: " + Output);
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the program with SIGKILL, as a power cut ends it: nothing of it runs after this returns.</summary>
    public async Task PowerCutAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>
    /// The subject signs: the pad simulator waits for the start command the terminal sent when the review page opened
    /// the pad, then sends the sample signature as Wacom IV packets.
    /// </summary>
    public async Task SignAsync()
    {
        using var timeout = new CancellationTokenSource(_program.Patience);
        await new PadSimulator().SignAsync(_padPort.BaseStream, PadSimulator.SampleSignature(), cancellationToken: timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await PowerCutAsync();
        }
        await _stop.CancelAsync();
        try
        {
            await _simulating;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // the pty goes away with the test
        }
        await _readerPort.DisposeAsync();
        _padPort.Dispose();
        _reader.Dispose();
        _pad.Dispose();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
