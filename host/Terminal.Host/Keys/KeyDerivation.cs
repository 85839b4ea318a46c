using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace Terminal.Host.Keys;

/// <summary>
/// Argon2id (RFC 9106, BouncyCastle) cost of turning the passphrase into the key that wraps the district's private
/// key. The parameters are written into the key file, so a file keeps opening after the defaults change.
/// </summary>
public sealed record KeyDerivation(int MemoryKiB, int Iterations, int Parallelism)
{
    /// <summary>The key length (AES-256).</summary>
    public const int KeyLength = 32;

    /// <summary>The salt length.</summary>
    public const int SaltLength = 16;

    /// <summary>The least memory a new key file may use (19 MiB: the OWASP floor for Argon2id).</summary>
    public const int MinimumMemoryKiB = 19 * 1024;

    /// <summary>
    /// For a new key file: 128 MiB, 3 passes, 1 lane. The key is opened once per service start on an office PC,
    /// so the cost can be far higher than a handheld's PIN slot; the tests measure the time it takes.
    /// </summary>
    public static KeyDerivation Default { get; } = new(128 * 1024, 3, 1);

    /// <summary>Null when these parameters may be written into a new key file, else the reason in Chinese.</summary>
    public string? ProblemForNewKey() =>
        MemoryKiB < MinimumMemoryKiB || MemoryKiB > 4 * 1024 * 1024 ? $"口令派生内存应在 {MinimumMemoryKiB / 1024} MiB 到 4096 MiB 之间"
        : Iterations is < 1 or > 100 ? "口令派生轮数应在 1 到 100 之间"
        : Parallelism is < 1 or > 16 ? "口令派生并行度应在 1 到 16 之间"
        : null;

    /// <summary>True when RFC 9106 allows these parameters (checked before deriving from a file's header).</summary>
    public bool IsWithinRfc9106 => Parallelism is >= 1 and <= 16 && Iterations is >= 1 and <= 100 && MemoryKiB >= 8 * Parallelism && MemoryKiB <= 4 * 1024 * 1024;

    /// <summary>The 32-byte wrapping key; the caller zeroes it. The passphrase's UTF-8 copy is zeroed here.</summary>
    public byte[] Derive(ReadOnlySpan<char> passphrase, ReadOnlySpan<byte> salt)
    {
        if (!IsWithinRfc9106)
        {
            throw new ArgumentException("Argon2id parameters outside RFC 9106");
        }
        var secret = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(passphrase), pinned: true);
        try
        {
            Encoding.UTF8.GetBytes(passphrase, secret);
            var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2id)
                .WithVersion(Argon2Parameters.Version13)
                .WithMemoryAsKB(MemoryKiB)
                .WithIterations(Iterations)
                .WithParallelism(Parallelism)
                .WithSalt(salt.ToArray())
                .Build();
            var generator = new Argon2BytesGenerator();
            generator.Init(parameters);
            var key = new byte[KeyLength];
            generator.GenerateBytes(secret, key);
            parameters.Clear();
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
