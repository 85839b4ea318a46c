using System.Globalization;

namespace Terminal.Storage.Network;

/// <summary>
/// The terminal never joins a network (ARCHITECTURE.md, security model): collecting is refused while an interface
/// other than loopback and the allowed ones (the dock cable's USB gadget) is up. Reads
/// <c>/sys/class/net/*/operstate</c>; an interface whose state is "unknown" or "dormant" (tun, some Wi-Fi drivers)
/// counts as up when its <c>flags</c> have IFF_UP. Fails closed: an unreadable folder is reported, not ignored.
/// </summary>
public sealed class NetworkGuard
{
    private const int IffUp = 0x1;
    private const int ArphrdLoopback = 772;
    private readonly NetworkGuardOptions _options;

    public NetworkGuard(NetworkGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Reads the interfaces' state now.</summary>
    public NetworkCheck Check()
    {
        string[] interfaces;
        try
        {
            interfaces = Directory.GetFileSystemEntries(_options.InterfacesFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new NetworkCheck([], CouldNotCheck: true);
        }
        var up = new List<string>();
        foreach (var path in interfaces.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name == "lo" || _options.AllowedInterfaces.Contains(name, StringComparer.Ordinal) || IsLoopback(path))
            {
                continue;
            }
            if (IsUp(path))
            {
                up.Add(name);
            }
        }
        return new NetworkCheck(up);
    }

    private static bool IsUp(string path)
    {
        var state = Read(path, "operstate");
        return state switch
        {
            "up" => true,
            "down" or "lowerlayerdown" or "notpresent" => false,
            _ => (ParseHex(Read(path, "flags")) & IffUp) != 0 || state is null,
        };
    }

    private static bool IsLoopback(string path) =>
        int.TryParse(Read(path, "type"), NumberStyles.None, CultureInfo.InvariantCulture, out var type) && type == ArphrdLoopback;

    private static string? Read(string path, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(path, file)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ParseHex(string? text) =>
        text is not null && text.StartsWith("0x", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
