using System.Text;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>The reply to 30 03 (追加住址): 70 bytes of UCS-2 text, or SW3 = 91 when the card has none (idcard.md §2.1).</summary>
public static class AppendedAddress
{
    /// <summary>Size of the appended address block.</summary>
    public const int Length = 70;

    /// <summary>The address text, padding removed; throws <see cref="SamProtocolException"/> for a wrong size.</summary>
    public static string Decode(ReadOnlySpan<byte> data) => data.Length == Length
        ? Encoding.Unicode.GetString(data).TrimEnd(' ', '\0')
        : throw new SamProtocolException($"appended address must be {Length} bytes, got {data.Length}");

    /// <summary>The block for an address (the simulator's side).</summary>
    public static byte[] Encode(string address)
    {
        var bytes = new byte[Length];
        for (var i = 0; i < Length; i += 2)
        {
            bytes[i] = (byte)' ';
        }
        var text = Encoding.Unicode.GetBytes(address);
        if (text.Length > Length)
        {
            throw new ArgumentException($"an appended address holds at most {Length / 2} UTF-16 units", nameof(address));
        }
        text.CopyTo(bytes, 0);
        return bytes;
    }
}
