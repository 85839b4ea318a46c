using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Terminal.Host.Service;

/// <summary>
/// Encrypts the dashboard's data-protection keys (the keys of the session and antiforgery cookies, kept in
/// <c>dashboard-keys/</c>) under a key derived from the district private key, so that on Linux, where there is no
/// DPAPI, a copy of the data folder does not let anyone forge an administrator's session. The district key is open
/// before the dashboard serves anything (<see cref="DistrictStartup"/>). AES-256-GCM; key = HKDF-SHA256 of the
/// district private key with this purpose as info; the nonce and tag travel in the XML beside the ciphertext.
/// A key file restored from another district key does not decrypt: the dashboard then makes new keys and staff log
/// in again, which is the safe outcome.
/// </summary>
internal sealed class DashboardKeyEncryptor : IXmlEncryptor
{
    private readonly DistrictKeyRing _ring;

    public DashboardKeyEncryptor(DistrictKeyRing ring) => _ring = ring ?? throw new ArgumentNullException(nameof(ring));

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        var key = DashboardKeyProtection.Key(_ring);
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Encrypt(nonce, plain, cipher, tag, DashboardKeyProtection.Associated);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plain);
        }
        var element = new XElement(DashboardKeyProtection.Element,
            new XComment(" 由区县私钥派生的密钥加密（AES-256-GCM） "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(DashboardKeyDecryptor));
    }
}

/// <summary>Decrypts what <see cref="DashboardKeyEncryptor"/> wrote (made by data protection through the service provider).</summary>
internal sealed class DashboardKeyDecryptor : IXmlDecryptor
{
    private readonly DistrictKeyRing _ring;

    public DashboardKeyDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ring = services.GetRequiredService<DistrictKeyRing>();
    }

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        byte[] Part(string name) => Convert.FromBase64String((string?)encryptedElement.Element(name)
            ?? throw new CryptographicException($"the encrypted dashboard key has no <{name}>"));
        var (nonce, tag, cipher) = (Part("nonce"), Part("tag"), Part("value"));
        var plain = new byte[cipher.Length];
        var key = DashboardKeyProtection.Key(_ring);
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(nonce, cipher, tag, plain, DashboardKeyProtection.Associated);
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

internal static class DashboardKeyProtection
{
    internal const string Element = "encryptedWithDistrictKey";

    internal static readonly byte[] Associated = "terminal-host dashboard keys v1"u8.ToArray();

    /// <summary>The AES key for the dashboard's keys (the caller zeroes it).</summary>
    internal static byte[] Key(DistrictKeyRing ring)
    {
        var scalar = ring.Key.ExportPrivateKey();
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, scalar, 32, salt: [], info: Associated);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }
}
