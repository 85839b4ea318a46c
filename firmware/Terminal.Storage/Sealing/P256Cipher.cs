using System.Security.Cryptography;
using System.Text;

namespace Terminal.Storage.Sealing;

/// <summary>
/// Ephemeral-static ECDH on P-256; content key = HKDF-SHA256(Z, salt = ephemeral point | recipient point,
/// info = "terminal-seal/1 P-256 AES-256-GCM"); payload with AES-256-GCM. The encapsulated key is the
/// ephemeral public point (65 bytes).
/// </summary>
internal sealed class P256Cipher : DistrictCipher
{
    public static readonly P256Cipher Instance = new();

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("terminal-seal/1 P-256 AES-256-GCM");

    public override (byte[] Encapsulated, byte[] ContentKey) Encapsulate(DistrictPublicKey recipient)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = ephemeral.ExportParameters(false).Q;
        var ephemeralPoint = new byte[DistrictCurve.PointLength];
        ephemeralPoint[0] = 0x04;
        q.X!.CopyTo(ephemeralPoint, 1);
        q.Y!.CopyTo(ephemeralPoint, 33);
        using var recipientKey = ECDiffieHellman.Create(PublicParameters(recipient.Point));
        var z = ephemeral.DeriveRawSecretAgreement(recipientKey.PublicKey);
        try
        {
            return (ephemeralPoint, ContentKey(z, ephemeralPoint, recipient.Point));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(z);
        }
    }

    public override byte[] Decapsulate(DistrictKeyPair recipient, ReadOnlySpan<byte> encapsulated)
    {
        ECParameters ephemeralParameters;
        try
        {
            DistrictCurve.DecodePoint(DistrictSuite.P256, encapsulated);
            ephemeralParameters = PublicParameters(encapsulated);
        }
        catch (ArgumentException e)
        {
            throw new BrokenSealException(SealFailure.Tampered, e);
        }
        var point = recipient.PublicKey.Point;
        var privateParameters = PublicParameters(point);
        privateParameters.D = recipient.Scalar.ToArray();
        try
        {
            using var own = ECDiffieHellman.Create(privateParameters);
            using var ephemeral = ECDiffieHellman.Create(ephemeralParameters);
            var z = own.DeriveRawSecretAgreement(ephemeral.PublicKey);
            try
            {
                return ContentKey(z, encapsulated, point);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(z);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateParameters.D);
        }
    }

    public override void Encrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, byte[] associatedData)
    {
        using var aes = new AesGcm(key, EnvelopeLayout.TagLength);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
    }

    public override void Decrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, byte[] associatedData)
    {
        try
        {
            using var aes = new AesGcm(key, EnvelopeLayout.TagLength);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new BrokenSealException(SealFailure.Tampered, e);
        }
    }

    private static byte[] ContentKey(byte[] z, ReadOnlySpan<byte> ephemeralPoint, ReadOnlySpan<byte> recipientPoint)
    {
        var salt = new byte[ephemeralPoint.Length + recipientPoint.Length];
        ephemeralPoint.CopyTo(salt);
        recipientPoint.CopyTo(salt.AsSpan(ephemeralPoint.Length));
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, z, 32, salt, Info);
    }

    private static ECParameters PublicParameters(ReadOnlySpan<byte> point) => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = point.Slice(1, 32).ToArray(), Y = point.Slice(33, 32).ToArray() },
    };
}
