using System.IO.Ports;

namespace Terminal.Host.Dock;

/// <summary>
/// Lists the serial ports a docked terminal can appear on. Linux: /dev/ttyACM* (the terminal's USB CDC-ACM gadget)
/// and, when present, the stable names in /dev/serial/by-id that point at them (a by-id name replaces the raw name it
/// points to). Windows: <see cref="SerialPort.GetPortNames"/>. Tests pass their own patterns (a pty pair's end).
/// </summary>
public static class SerialPortScan
{
    /// <summary>The platform's patterns.</summary>
    public static IReadOnlyList<string> Defaults => OperatingSystem.IsWindows() ? [] : ["/dev/ttyACM*", "/dev/serial/by-id/*"];

    /// <summary>The ports present now, sorted; <paramref name="patterns"/> null means <see cref="Defaults"/>.</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string>? patterns = null)
    {
        if (patterns is null && OperatingSystem.IsWindows())
        {
            return [.. SerialPort.GetPortNames().Order(StringComparer.OrdinalIgnoreCase)];
        }
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pattern in patterns ?? Defaults)
        {
            var folder = Path.GetDirectoryName(pattern);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                continue;
            }
            foreach (var path in Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(pattern)))
            {
                if (folder == "/dev/serial/by-id")
                {
                    var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                    if (target is not null && Path.GetFileName(target).StartsWith("ttyACM", StringComparison.Ordinal))
                    {
                        byId[target] = path;
                    }
                    continue;
                }
                found.Add(path);
            }
        }
        foreach (var (target, name) in byId)
        {
            found.Remove(target);
            found.Add(name);
        }
        return [.. found];
    }
}
