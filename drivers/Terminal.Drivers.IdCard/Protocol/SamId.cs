using System.Buffers.Binary;
using System.Globalization;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// The SAM's management number from 12 FF, printed as NN.NN-xxxxxxxx-xxxxxxxxx-xxxxxxxxx: data bytes 0 and 2 as
/// decimals, then three little-endian 32-bit numbers at 4, 8 and 12 (the last two zero-padded to nine digits).
/// [One source only (idcard.md §2.2, offsets 10/12/14/18/22 in the frame = 0/2/4/8/12 in the data).]
/// </summary>
public static class SamId
{
    /// <summary>Bytes of data the format reads.</summary>
    public const int Length = 16;

    /// <summary>The printed SAM ID; throws <see cref="SamProtocolException"/> when the data is too short.</summary>
    public static string Format(ReadOnlySpan<byte> data)
    {
        if (data.Length < Length)
        {
            throw new SamProtocolException($"SAM ID reply has {data.Length} data bytes, needs {Length}");
        }
        var a = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        var b = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        var c = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        return string.Create(CultureInfo.InvariantCulture, $"{data[0]:00}.{data[2]:00}-{a}-{b:000000000}-{c:000000000}");
    }
}
