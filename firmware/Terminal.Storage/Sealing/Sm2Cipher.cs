using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Terminal.Storage.Sealing;

/// <summary>
/// The national suite (digital envelope in the manner of GB/T 35275): a random 128-bit SM4 key encrypted to the
/// district's SM2 public key (GB/T 32918.4, SM3 as its hash, ciphertext order C1|C3|C2, 113 bytes); payload
/// with SM4 in GCM mode (12-byte nonce, 128-bit tag). BouncyCastle.
/// </summary>
internal sealed class Sm2Cipher : DistrictCipher
{
    public static readonly Sm2Cipher Instance = new();

    private const int Sm4KeyLength = 16;
    private static readonly SecureRandom Random = new();

    public override (byte[] Encapsulated, byte[] ContentKey) Encapsulate(DistrictPublicKey recipient)
    {
        var domain = DistrictCurve.DomainOf(DistrictSuite.Sm2);
        var publicKey = new ECPublicKeyParameters(DistrictCurve.DecodePoint(DistrictSuite.Sm2, recipient.Point), domain);
        var contentKey = new byte[Sm4KeyLength];
        RandomNumberGenerator.Fill(contentKey);
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(publicKey, Random));
        return (engine.ProcessBlock(contentKey, 0, contentKey.Length), contentKey);
    }

    public override byte[] Decapsulate(DistrictKeyPair recipient, ReadOnlySpan<byte> encapsulated)
    {
        var domain = DistrictCurve.DomainOf(DistrictSuite.Sm2);
        var privateKey = new ECPrivateKeyParameters(new Org.BouncyCastle.Math.BigInteger(1, recipient.Scalar.ToArray()), domain);
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(false, privateKey);
        try
        {
            var key = engine.ProcessBlock(encapsulated.ToArray(), 0, encapsulated.Length);
            if (key.Length != Sm4KeyLength)
            {
                throw new BrokenSealException(SealFailure.Tampered);
            }
            return key;
        }
        catch (Exception e) when (e is InvalidCipherTextException or ArgumentException or InvalidOperationException or FormatException or ArithmeticException)
        {
            throw new BrokenSealException(SealFailure.Tampered, e);
        }
    }

    public override void Encrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, byte[] associatedData)
    {
        var gcm = Gcm(true, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var written = gcm.ProcessBytes(plaintext.ToArray(), 0, plaintext.Length, output, 0);
        gcm.DoFinal(output, written);
        output.AsSpan(0, plaintext.Length).CopyTo(ciphertext);
        output.AsSpan(plaintext.Length, EnvelopeLayout.TagLength).CopyTo(tag);
    }

    public override void Decrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, byte[] associatedData)
    {
        var gcm = Gcm(false, key, nonce, associatedData);
        var input = new byte[ciphertext.Length + tag.Length];
        ciphertext.CopyTo(input);
        tag.CopyTo(input.AsSpan(ciphertext.Length));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        try
        {
            var written = gcm.ProcessBytes(input, 0, input.Length, output, 0);
            gcm.DoFinal(output, written);
        }
        catch (InvalidCipherTextException e)
        {
            throw new BrokenSealException(SealFailure.Tampered, e);
        }
        output.AsSpan(0, plaintext.Length).CopyTo(plaintext);
        CryptographicOperations.ZeroMemory(output);
    }

    private static GcmBlockCipher Gcm(bool encrypt, byte[] key, ReadOnlySpan<byte> nonce, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), EnvelopeLayout.TagLength * 8, nonce.ToArray(), associatedData));
        return gcm;
    }
}
