using System.Diagnostics;
using System.IO.Ports;

namespace Terminal.Testing;

/// <summary>
/// A real pseudo-terminal pair made by socat (<c>socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>): bytes
/// written to one end come out of the other, through the kernel's tty layer, as on a serial cable.
/// <see cref="Unplug"/> ends socat (both device nodes vanish, as when a USB device is pulled);
/// <see cref="Replug"/> makes them again under the same names. Fails, naming the tool, when socat is missing.
/// </summary>
public sealed class PtyPair : IDisposable
{
    private readonly string _folder;
    private Process? _socat;

    private PtyPair(string folder)
    {
        _folder = folder;
        HostEnd = Path.Combine(folder, "host");
        DeviceEnd = Path.Combine(folder, "device");
    }

    /// <summary>The end the code under test opens (the terminal, or the host).</summary>
    public string HostEnd { get; }

    /// <summary>The end the simulated device opens.</summary>
    public string DeviceEnd { get; }

    /// <summary>Makes a pair in a new temporary folder.</summary>
    public static PtyPair Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pty-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var pair = new PtyPair(folder);
        pair.Replug();
        return pair;
    }

    /// <summary>Makes the device nodes (again).</summary>
    public void Replug()
    {
        if (_socat is { HasExited: false })
        {
            return;
        }
        var socat = InstalledTool.Find("socat") ?? throw new InvalidOperationException("socat is not installed: the pty test tier needs it (apt-get install socat; ./test installs it)");
        var start = new ProcessStartInfo(socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add($"pty,raw,echo=0,link={HostEnd}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={DeviceEnd}");
        _socat = Process.Start(start)!;
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(HostEnd) && File.Exists(DeviceEnd)))
        {
            if (_socat.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"socat did not create the pty pair: {_socat.StandardError.ReadToEnd()}");
            }
            Thread.Sleep(10);
        }
    }

    /// <summary>Ends socat: both ends go away as a pulled cable does.</summary>
    public void Unplug()
    {
        if (_socat is null)
        {
            return;
        }
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit();
        }
        _socat.Dispose();
        _socat = null;
        File.Delete(HostEnd);
        File.Delete(DeviceEnd);
    }

    /// <summary>
    /// Opens an end as a serial port the way the product's code does on a pty: DTR and RTS left alone (a pty
    /// refuses those ioctls), large buffers.
    /// </summary>
    public static SerialPort OpenSerial(string path, int baudRate = 115200)
    {
        var port = new SerialPort(path, baudRate) { DtrEnable = false, RtsEnable = false, ReadBufferSize = 1 << 20, WriteBufferSize = 1 << 20 };
        port.Open();
        return port;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Unplug();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is harmless
        }
    }
}
