using System.Globalization;

namespace Terminal.Drivers.IdCard.Tests.Protocol;

/// <summary>Golden frames from hardware-docs/idcard/captures (hex, as documented by the sources in idcard.md).</summary>
internal static class Captures
{
    public static byte[] Read(string name) => Hex(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "captures", name + ".hex")));

    public static byte[] Hex(string text) =>
        [.. text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(h => byte.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
}
