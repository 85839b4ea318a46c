using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace Terminal.Storage.Keys;

/// <summary>The key-encryption key derived from an operator's PIN with Argon2id (BouncyCastle).</summary>
internal static class PinKey
{
    public const int SaltLength = 16;
    public const int KeyLength = 32;

    /// <summary>The 32-byte key; the caller zeroes it after use. The PIN's UTF-8 bytes are zeroed here.</summary>
    public static byte[] Derive(ReadOnlySpan<char> pin, ReadOnlySpan<byte> salt, Argon2idOptions options)
    {
        options.Validate();
        var password = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(pin), pinned: true);
        var saltCopy = salt.ToArray();
        try
        {
            Encoding.UTF8.GetBytes(pin, password);
            var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2id)
                .WithVersion(Argon2Parameters.Version13)
                .WithMemoryAsKB(options.MemoryKiB)
                .WithIterations(options.Iterations)
                .WithParallelism(options.Parallelism)
                .WithSalt(saltCopy)
                .Build();
            var generator = new Argon2BytesGenerator();
            generator.Init(parameters);
            var key = new byte[KeyLength];
            generator.GenerateBytes(password, key);
            parameters.Clear();
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
