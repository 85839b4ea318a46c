using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Terminal.Host.Tests.Service;

/// <summary>The built host program (terminal-host.dll) run as a child process on settings written to a temp folder.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Writes <paramref name="settings"/> as JSON beside the data and starts `terminal-host run --settings`.</summary>
    public static HostProcess Start(TempFolder temp, object settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var settingsFile = temp.File("settings.json");
        File.WriteAllText(settingsFile, JsonSerializer.Serialize(settings));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "terminal-host.dll"));
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--settings");
        start.ArgumentList.Add(settingsFile);
        start.Environment["LANG"] = "C";
        start.Environment.Remove("TERMINAL_HOST_KEY_PASSPHRASE");
        start.Environment.Remove("CREDENTIALS_DIRECTORY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new HostProcess(Process.Start(start)!);
    }

    /// <summary>The exit code once it ends by itself (fails the test after <paramref name="timeout"/>).</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the host did not exit within {timeout.TotalSeconds} s:\n{Output}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200 (fails when the host exits or time runs out).</summary>
    public async Task<string> GetWhenUpAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the host exited with {_process.ExitCode} instead of serving:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(url));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        Assert.Fail($"the host did not answer {url} within {timeout.TotalSeconds} s:\n{Output}");
        return "";
    }

    /// <summary>Sends SIGTERM, as systemd and `kill` do.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
