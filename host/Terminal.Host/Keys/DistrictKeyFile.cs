using System.Buffers.Binary;
using System.Security.Cryptography;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Keys;

/// <summary>
/// The district key file: the district's private key wrapped by a key derived from a passphrase (Argon2id), with
/// AES-256-GCM, and on Windows optionally a DPAPI layer over that. The public key is kept in the clear so that
/// <c>key show-public</c> needs no passphrase; it is authenticated all the same. Layout (big-endian integers),
/// documented in hardware-docs/host/district-key.md:
/// <code>
///  0        8    9     10    11    12         16         20         24          40
///  +--------+----+-----+-----+-----+----------+----------+----------+-----------+
///  | magic  |ver |suite|prot |  0  | mem KiB  | passes   | lanes    | salt (16) |
///  +--------+----+-----+-----+-----+----------+----------+----------+-----------+
///  40                   105          117          121             121+n
///  +--------------------+------------+------------+---------------+---------------------------+
///  | public point (65)  | nonce (12) | n (4)      | wrapped (n)   | SHA-256 of all before (32) |
///  +--------------------+------------+------------+---------------+---------------------------+
/// </code>
/// wrapped = AES-256-GCM ciphertext of the 32-byte private scalar (32) + tag (16) when prot = 0, else the DPAPI
/// blob of those 48 bytes. The GCM associated data is bytes 0–116 with the protection byte set to 0, so removing or
/// adding the DPAPI layer (backup, restore) leaves the passphrase layer intact.
/// </summary>
public static class DistrictKeyFile
{
    /// <summary>The file's first eight bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "TDSTKEY\n"u8;

    /// <summary>The format version this program writes and reads.</summary>
    public const byte Version = 1;

    private const int OffsetVersion = 8;
    private const int OffsetSuite = 9;
    private const int OffsetProtection = 10;
    private const int OffsetReserved = 11;
    private const int OffsetMemory = 12;
    private const int OffsetIterations = 16;
    private const int OffsetParallelism = 20;
    private const int OffsetSalt = 24;
    private const int OffsetPublicPoint = OffsetSalt + KeyDerivation.SaltLength;   // 40
    private const int PublicPointLength = 65;
    private const int OffsetNonce = OffsetPublicPoint + PublicPointLength;           // 105
    private const int NonceLength = 12;
    private const int OffsetWrappedLength = OffsetNonce + NonceLength;               // 117
    private const int OffsetWrapped = OffsetWrappedLength + 4;                       // 121
    private const int ScalarLength = 32;
    private const int TagLength = 16;
    private const int ChecksumLength = 32;
    private const int MaxWrappedLength = 4096;

    /// <summary>A new key file (passphrase only) for <paramref name="pair"/>.</summary>
    public static byte[] Create(DistrictKeyPair pair, ReadOnlySpan<char> passphrase, KeyDerivation derivation)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(derivation);
        var header = new byte[OffsetWrappedLength];
        Magic.CopyTo(header);
        header[OffsetVersion] = Version;
        header[OffsetSuite] = (byte)pair.Suite;
        header[OffsetProtection] = (byte)KeyProtection.Passphrase;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(OffsetMemory), derivation.MemoryKiB);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(OffsetIterations), derivation.Iterations);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(OffsetParallelism), derivation.Parallelism);
        RandomNumberGenerator.Fill(header.AsSpan(OffsetSalt, KeyDerivation.SaltLength));
        pair.PublicKey.Point.CopyTo(header.AsSpan(OffsetPublicPoint));
        RandomNumberGenerator.Fill(header.AsSpan(OffsetNonce, NonceLength));
        var key = derivation.Derive(passphrase, header.AsSpan(OffsetSalt, KeyDerivation.SaltLength));
        var scalar = pair.ExportPrivateKey();
        try
        {
            var wrapped = new byte[ScalarLength + TagLength];
            using var aes = new AesGcm(key, TagLength);
            aes.Encrypt(header.AsSpan(OffsetNonce, NonceLength), scalar, wrapped.AsSpan(0, ScalarLength), wrapped.AsSpan(ScalarLength), AssociatedData(header));
            return Assemble(header, wrapped);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>The public key and header of a key file, without the passphrase; throws <see cref="KeyFileException"/>.</summary>
    public static DistrictKeyFileInfo Inspect(ReadOnlySpan<byte> file)
    {
        var wrappedLength = CheckFrame(file);
        var suite = file[OffsetSuite] switch
        {
            (byte)DistrictSuite.P256 => DistrictSuite.P256,
            (byte)DistrictSuite.Sm2 => DistrictSuite.Sm2,
            _ => throw new KeyFileException(KeyFileFailure.UnknownFormat, $"区县密钥文件的算法代码 {file[OffsetSuite]} 未知：可能由更新版本的程序写成"),
        };
        var protection = file[OffsetProtection] switch
        {
            (byte)KeyProtection.Passphrase => KeyProtection.Passphrase,
            (byte)KeyProtection.PassphraseAndDpapiUser => KeyProtection.PassphraseAndDpapiUser,
            (byte)KeyProtection.PassphraseAndDpapiMachine => KeyProtection.PassphraseAndDpapiMachine,
            _ => throw new KeyFileException(KeyFileFailure.UnknownFormat, $"区县密钥文件的保护方式代码 {file[OffsetProtection]} 未知"),
        };
        var derivation = new KeyDerivation(
            BinaryPrimitives.ReadInt32BigEndian(file[OffsetMemory..]),
            BinaryPrimitives.ReadInt32BigEndian(file[OffsetIterations..]),
            BinaryPrimitives.ReadInt32BigEndian(file[OffsetParallelism..]));
        if (!derivation.IsWithinRfc9106)
        {
            throw new KeyFileException(KeyFileFailure.UnknownFormat, "区县密钥文件中的口令派生参数超出 Argon2id 允许的范围");
        }
        if (protection == KeyProtection.Passphrase && wrappedLength != ScalarLength + TagLength)
        {
            throw new KeyFileException(KeyFileFailure.UnknownFormat, "区县密钥文件的密文长度不对");
        }
        DistrictPublicKey publicKey;
        try
        {
            publicKey = new DistrictPublicKey(suite, file.Slice(OffsetPublicPoint, PublicPointLength));
        }
        catch (ArgumentException e)
        {
            throw new KeyFileException(KeyFileFailure.UnknownFormat, "区县密钥文件中的公钥不在曲线上", e);
        }
        return new DistrictKeyFileInfo(suite, protection, derivation, publicKey);
    }

    /// <summary>Opens the key file with the passphrase (removing a DPAPI layer first); throws <see cref="KeyFileException"/> saying why not.</summary>
    public static DistrictKeyPair Open(ReadOnlySpan<byte> file, ReadOnlySpan<char> passphrase)
    {
        var passphraseOnly = WithProtection(file, KeyProtection.Passphrase);
        var info = Inspect(passphraseOnly);
        var header = passphraseOnly.AsSpan(0, OffsetWrappedLength);
        var wrapped = passphraseOnly.AsSpan(OffsetWrapped, ScalarLength + TagLength);
        var key = info.Derivation.Derive(passphrase, header.Slice(OffsetSalt, KeyDerivation.SaltLength));
        var scalar = GC.AllocateArray<byte>(ScalarLength, pinned: true);
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(header.Slice(OffsetNonce, NonceLength), wrapped[..ScalarLength], wrapped[ScalarLength..], scalar, AssociatedData(header));
            var pair = DistrictKeyPair.Import(info.Suite, scalar);
            if (!pair.PublicKey.Equals(info.PublicKey))
            {
                pair.Dispose();
                throw new KeyFileException(KeyFileFailure.Damaged, "区县密钥文件中的私钥与公钥不配对：文件已被改动，请用备份恢复");
            }
            return pair;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new KeyFileException(KeyFileFailure.WrongPassphrase, "口令不对：无法用此口令打开区县密钥文件（文件校验无误，只是口令不符）", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>
    /// The same key file with another outer layer: <see cref="KeyProtection.Passphrase"/> removes DPAPI (backup),
    /// a DPAPI protection adds it (Windows only). The passphrase layer is untouched.
    /// </summary>
    public static byte[] WithProtection(ReadOnlySpan<byte> file, KeyProtection protection)
    {
        var current = Inspect(file);
        var wrappedLength = BinaryPrimitives.ReadInt32BigEndian(file[OffsetWrappedLength..]);
        var header = file[..OffsetWrappedLength].ToArray();
        var wrapped = file.Slice(OffsetWrapped, wrappedLength).ToArray();
        if (current.Protection == protection)
        {
            return file.ToArray();
        }
        if (current.Protection != KeyProtection.Passphrase)
        {
            if (!OperatingSystem.IsWindows())
            {
                throw new KeyFileException(KeyFileFailure.ProtectedElsewhere, "此区县密钥文件另有 Windows DPAPI 保护，只能在写入它的 Windows 电脑上打开：请在本机用保险柜中的备份恢复（key restore）");
            }
            try
            {
                wrapped = WindowsDataProtection.Unprotect(wrapped, DpapiEntropy(header), current.Protection);
            }
            catch (CryptographicException e)
            {
                throw new KeyFileException(KeyFileFailure.ProtectedElsewhere,
                    current.Protection == KeyProtection.PassphraseAndDpapiUser
                        ? "Windows DPAPI 无法解开此区县密钥文件：它属于另一个 Windows 账户或另一台电脑；请以写入它的账户运行，或用备份恢复"
                        : "Windows DPAPI 无法解开此区县密钥文件：它属于另一台电脑；请在本机用备份恢复（key restore）", e);
            }
            if (wrapped.Length != ScalarLength + TagLength)
            {
                throw new KeyFileException(KeyFileFailure.UnknownFormat, "区县密钥文件的密文长度不对");
            }
        }
        if (protection != KeyProtection.Passphrase)
        {
            if (!OperatingSystem.IsWindows())
            {
                throw new KeyFileException(KeyFileFailure.ProtectedElsewhere, "Windows DPAPI 只在 Windows 上可用：在本机请不加 DPAPI 保护（--dpapi none）");
            }
            wrapped = WindowsDataProtection.Protect(wrapped, DpapiEntropy(header), protection);
        }
        header[OffsetProtection] = (byte)protection;
        return Assemble(header, wrapped);
    }

    /// <summary>Checks magic, version, lengths and the checksum; returns the wrapped part's length.</summary>
    private static int CheckFrame(ReadOnlySpan<byte> file)
    {
        if (file.Length < Magic.Length || !file[..Magic.Length].SequenceEqual(Magic))
        {
            throw new KeyFileException(KeyFileFailure.UnknownFormat, "这不是区县密钥文件（文件头不对）");
        }
        if (file.Length > OffsetVersion && file[OffsetVersion] != Version)
        {
            throw new KeyFileException(KeyFileFailure.UnknownFormat, $"区县密钥文件格式版本 {file[OffsetVersion]} 本程序不认识（本程序为第 {Version} 版）");
        }
        if (file.Length < OffsetWrapped + ChecksumLength)
        {
            throw new KeyFileException(KeyFileFailure.Damaged, "区县密钥文件已损坏：文件不完整（被截断）");
        }
        var wrappedLength = BinaryPrimitives.ReadInt32BigEndian(file[OffsetWrappedLength..]);
        if (wrappedLength is < ScalarLength + TagLength or > MaxWrappedLength || file.Length != OffsetWrapped + wrappedLength + ChecksumLength)
        {
            throw new KeyFileException(KeyFileFailure.Damaged, "区县密钥文件已损坏：长度与文件头不符（被截断或被改动）");
        }
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        SHA256.HashData(file[..^ChecksumLength], checksum);
        if (!CryptographicOperations.FixedTimeEquals(checksum, file[^ChecksumLength..]))
        {
            throw new KeyFileException(KeyFileFailure.Damaged, "区县密钥文件已损坏：校验和不符，请用保险柜中的备份恢复（key restore）");
        }
        if (file[OffsetReserved] != 0)
        {
            throw new KeyFileException(KeyFileFailure.UnknownFormat, "区县密钥文件的保留字节不为 0：可能由更新版本的程序写成");
        }
        return wrappedLength;
    }

    private static byte[] Assemble(byte[] header, byte[] wrapped)
    {
        var file = new byte[OffsetWrapped + wrapped.Length + ChecksumLength];
        header.CopyTo(file, 0);
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(OffsetWrappedLength), wrapped.Length);
        wrapped.CopyTo(file, OffsetWrapped);
        SHA256.HashData(file.AsSpan(0, file.Length - ChecksumLength), file.AsSpan(file.Length - ChecksumLength));
        return file;
    }

    /// <summary>The GCM associated data: the header with the protection byte zeroed.</summary>
    private static byte[] AssociatedData(ReadOnlySpan<byte> header)
    {
        var ad = header[..OffsetWrappedLength].ToArray();
        ad[OffsetProtection] = 0;
        return ad;
    }

    private static byte[] DpapiEntropy(byte[] header) => AssociatedData(header);
}
