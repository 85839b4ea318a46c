using System.Security.Cryptography;
using System.Text;

namespace Terminal.Storage.Keys;

/// <summary>
/// The technician's 256-bit recovery key: it unwraps the terminal's data key when an operator is locked out
/// (5 wrong PINs) and lets the technician set a new PIN. Shown once at provisioning as 52 base32 characters in
/// groups of four (<see cref="ToDisplayText"/>); <see cref="ToString"/> never shows it.
/// </summary>
public sealed class RecoveryKey : IDisposable
{
    /// <summary>The key length in bytes.</summary>
    public const int Length = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private readonly byte[] _key = GC.AllocateArray<byte>(Length, pinned: true);

    private RecoveryKey()
    {
    }

    /// <summary>A new random recovery key.</summary>
    public static RecoveryKey Generate()
    {
        var key = new RecoveryKey();
        RandomNumberGenerator.Fill(key._key);
        return key;
    }

    /// <summary>Reads the display text (case, spaces and dashes ignored); throws <see cref="FormatException"/>.</summary>
    public static RecoveryKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new RecoveryKey();
        int bits = 0, value = 0, at = 0;
        foreach (var c in text)
        {
            if (c is '-' or ' ')
            {
                continue;
            }
            var digit = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (digit < 0 || at == Length && (value & ((1 << bits) - 1)) != 0)
            {
                key.Dispose();
                throw new FormatException("恢复密钥格式不对：应为 52 个字母或数字（A–Z、2–7），请核对后重新输入。");
            }
            value = (value << 5) | digit;
            bits += 5;
            if (bits >= 8 && at < Length)
            {
                bits -= 8;
                key._key[at++] = (byte)(value >> bits);
            }
            value &= (1 << bits) - 1;
        }
        if (at != Length)
        {
            key.Dispose();
            throw new FormatException("恢复密钥长度不对：应为 52 个字母或数字，请核对后重新输入。");
        }
        return key;
    }

    /// <summary>The key for the technician to keep: 13 groups of four base32 characters.</summary>
    public string ToDisplayText()
    {
        var text = new StringBuilder(64);
        int bits = 0, value = 0, written = 0;
        foreach (var b in _key)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                Append(text, Alphabet[(value >> bits) & 31], ref written);
            }
            value &= (1 << bits) - 1;
        }
        if (bits > 0)
        {
            Append(text, Alphabet[(value << (5 - bits)) & 31], ref written);
        }
        return text.ToString();
    }

    /// <summary>Never the key itself.</summary>
    public override string ToString() => "恢复密钥（不显示）";

    /// <summary>A key-encryption key for the recovery slot (HKDF-SHA256 with the slot's salt). The caller zeroes it.</summary>
    internal byte[] DeriveWrappingKey(ReadOnlySpan<byte> salt)
    {
        var output = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, output, salt, "terminal/recovery-slot"u8);
        return output;
    }

    /// <summary>Zeroes the key.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);

    private static void Append(StringBuilder text, char c, ref int written)
    {
        if (written > 0 && written % 4 == 0)
        {
            text.Append('-');
        }
        text.Append(c);
        written++;
    }
}
