using System.Buffers.Binary;

namespace Terminal.Drivers.Camera.Tests.Photo;

/// <summary>Reads and writes the marker segments of a JPEG (ITU T.81 §B.1.1.4) for the metadata tests.</summary>
internal static class JpegMarkers
{
    /// <summary>The markers before the scan (SOS), e.g. 0xE0 for APP0, 0xE1 for APP1 (EXIF), 0xFE for COM.</summary>
    internal static List<byte> Before(ReadOnlySpan<byte> jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg[(i + 2)..]);
        }
        return markers;
    }

    /// <summary>The JPEG with an extra segment (marker, payload) right after SOI.</summary>
    internal static byte[] Insert(byte[] jpeg, byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>An EXIF APP1 payload holding IFD0 with the orientation tag (0x0112) and an ImageDescription.</summary>
    internal static byte[] Exif(ushort orientation, string description)
    {
        var text = System.Text.Encoding.ASCII.GetBytes(description + "\0");
        var payload = new byte[6 + 8 + 2 + 2 * 12 + 4 + text.Length];
        "Exif\0\0"u8.CopyTo(payload);
        var tiff = payload.AsSpan(6);
        "MM\0*"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32BigEndian(tiff[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff[8..], 2);
        var entry = tiff[10..];
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x010E);               // ImageDescription, ASCII
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 2);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)text.Length);
        BinaryPrimitives.WriteUInt32BigEndian(entry[8..], 8 + 2 + 2 * 12 + 4);
        entry = tiff[22..];
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x0112);               // Orientation, SHORT
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(entry[8..], orientation);
        text.CopyTo(tiff[(8 + 2 + 2 * 12 + 4)..]);
        return payload;
    }
}
