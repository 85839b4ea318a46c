using System.Security.Cryptography;

namespace Terminal.Dock.Session;

/// <summary>Key helpers of the dock session: P-256 points as 65 uncompressed bytes, signatures as 64 bytes (IEEE P1363).</summary>
public static class DockKeys
{
    /// <summary>Length of an uncompressed P-256 point.</summary>
    public const int PointLength = 65;

    /// <summary>Length of a P-256 signature in IEEE P1363 form.</summary>
    public const int SignatureLength = 64;

    /// <summary>A new P-256 signing key (provisioning makes one per terminal and one per district).</summary>
    public static ECDsa NewSigningKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The public half of a P-256 key as 65 bytes (04 || X || Y).</summary>
    public static byte[] PublicPoint(ECParameters parameters) => [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];

    /// <summary>The public half of a signing key.</summary>
    public static byte[] PublicPoint(ECDsa key) => PublicPoint(key.ExportParameters(false));

    /// <summary>The public half of an agreement key.</summary>
    public static byte[] PublicPoint(ECDiffieHellman key) => PublicPoint(key.ExportParameters(false));

    /// <summary>A verifying key from 65 bytes; throws <see cref="CryptographicException"/> for a point not on the curve.</summary>
    public static ECDsa VerifyingKey(ReadOnlySpan<byte> point) => ECDsa.Create(Parameters(point));

    /// <summary>An agreement public key from 65 bytes.</summary>
    public static ECDiffieHellmanPublicKey AgreementKey(ReadOnlySpan<byte> point)
    {
        using var ecdh = ECDiffieHellman.Create(Parameters(point));
        return ecdh.PublicKey;
    }

    /// <summary>A terminal's signing key as a technician copies it to the host: "TERM:" and its SubjectPublicKeyInfo in base64.</summary>
    public static string TerminalKeyText(ReadOnlySpan<byte> subjectPublicKeyInfo) => TerminalKeyPrefix + Convert.ToBase64String(subjectPublicKeyInfo);

    /// <summary>Reads <see cref="TerminalKeyText"/>; false unless it holds exactly one P-256 SubjectPublicKeyInfo.</summary>
    public static bool TryParseTerminalKey(string text, out byte[] subjectPublicKeyInfo) =>
        TryParseKeyText(text, TerminalKeyPrefix, bytes =>
        {
            using var check = ECDsa.Create();
            check.ImportSubjectPublicKeyInfo(bytes, out var read);
            return read == bytes.Length && check.KeySize == 256;
        }, out subjectPublicKeyInfo);

    /// <summary>The host's dock identity as a technician copies it: "DOCK:" and the point in base64.</summary>
    public static string HostIdentityText(ReadOnlySpan<byte> point) => HostIdentityPrefix + Convert.ToBase64String(point);

    /// <summary>Reads <see cref="HostIdentityText"/>; false unless it is a P-256 point on the curve.</summary>
    public static bool TryParseHostIdentity(string text, out byte[] point) =>
        TryParseKeyText(text, HostIdentityPrefix, bytes =>
        {
            using var check = VerifyingKey(bytes);
            return true;
        }, out point);

    private const string TerminalKeyPrefix = "TERM:";
    private const string HostIdentityPrefix = "DOCK:";

    /// <summary>
    /// A key a technician copied: the prefix, then base64 of bytes that <paramref name="isKey"/> accepts (it may also
    /// throw <see cref="CryptographicException"/> to refuse them). Surrounding white space is ignored.
    /// </summary>
    private static bool TryParseKeyText(string text, string prefix, Func<byte[], bool> isKey, out byte[] key)
    {
        ArgumentNullException.ThrowIfNull(text);
        key = [];
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            var bytes = Convert.FromBase64String(trimmed[prefix.Length..]);
            if (!isKey(bytes))
            {
                return false;
            }
            key = bytes;
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private static ECParameters Parameters(ReadOnlySpan<byte> point)
    {
        if (point.Length != PointLength || point[0] != 0x04)
        {
            throw new CryptographicException("not an uncompressed P-256 point");
        }
        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() } };
        parameters.Validate();
        return parameters;
    }
}
