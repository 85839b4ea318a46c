using System.Security.Cryptography;

namespace Terminal.Storage.Sealing;

/// <summary>
/// The terminal's random 256-bit data key: drafts, photos and the initial data are sealed under it, and the
/// index keys (keyed hashes) are derived from it. It lives in a pinned buffer that is zeroed on
/// <see cref="Dispose"/>; it is written to disk only wrapped (Keys/KeySlot), never in the clear.
/// </summary>
public sealed class DataKey : IDisposable
{
    /// <summary>The key length in bytes (AES-256).</summary>
    public const int Length = 32;

    private readonly byte[] _key = GC.AllocateArray<byte>(Length, pinned: true);
    private bool _disposed;

    private DataKey()
    {
    }

    /// <summary>A new random key.</summary>
    public static DataKey Generate()
    {
        var key = new DataKey();
        RandomNumberGenerator.Fill(key._key);
        return key;
    }

    /// <summary>A key from its bytes (copied; the caller zeroes its own copy).</summary>
    internal static DataKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a data key is {Length} bytes", nameof(bytes));
        }
        var key = new DataKey();
        bytes.CopyTo(key._key);
        return key;
    }

    /// <summary>The key bytes; valid until <see cref="Dispose"/>.</summary>
    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    /// <summary>
    /// A sub-key for one purpose (HKDF-SHA256 with <paramref name="label"/> as info), e.g. the key of the ID number
    /// index. The caller zeroes the returned array after use.
    /// </summary>
    internal byte[] Derive(string label, int length = Length)
    {
        var output = new byte[length];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Bytes, output, salt: [], info: System.Text.Encoding.ASCII.GetBytes("terminal/" + label));
        return output;
    }

    /// <summary>Zeroes the key.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
    }
}
