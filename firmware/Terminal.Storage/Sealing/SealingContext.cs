using System.Buffers.Binary;
using System.Text;

namespace Terminal.Storage.Sealing;

/// <summary>
/// What a sealed payload is and which record version it belongs to. It is authenticated (AES-GCM associated
/// data) but not stored in the envelope: opening with another purpose, id or version fails, so a sealed draft
/// cannot be passed off as another record's, nor an old version as a newer one.
/// </summary>
/// <param name="Purpose">A short ASCII label, e.g. "draft", "photo", "record" (at most 64 characters).</param>
/// <param name="Id">The record id (or another object's id).</param>
/// <param name="Version">The record version (1, then +1 per correction); 0 where there is none.</param>
public readonly record struct SealingContext(string Purpose, Guid Id, int Version)
{
    private const int MaxPurposeLength = 64;

    /// <summary>The associated data bytes: purpose length (1), purpose (ASCII), id (16, big-endian), version (4, big-endian).</summary>
    internal byte[] ToAssociatedData()
    {
        if (string.IsNullOrEmpty(Purpose) || Purpose.Length > MaxPurposeLength || !Ascii.IsValid(Purpose))
        {
            throw new ArgumentException("the sealing purpose must be 1–64 ASCII characters", nameof(Purpose));
        }
        var bytes = new byte[1 + Purpose.Length + 16 + 4];
        bytes[0] = (byte)Purpose.Length;
        Encoding.ASCII.GetBytes(Purpose, bytes.AsSpan(1));
        Id.TryWriteBytes(bytes.AsSpan(1 + Purpose.Length, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1 + Purpose.Length + 16), Version);
        return bytes;
    }
}
