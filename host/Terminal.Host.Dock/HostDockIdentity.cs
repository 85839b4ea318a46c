using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Math;
using Terminal.Dock.Session;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Dock;

/// <summary>
/// The host's identity on the dock link: a P-256 signing key derived from the district's private key (HKDF-SHA256,
/// info "terminal-host dock signing key v1"), so it needs no key file of its own, is backed up with the district key
/// and cannot drift from it. Terminals are provisioned with its public point (<see cref="PublicText"/>), which the
/// handshake checks; a terminal provisioned for another district's host refuses this one. The key is used for the
/// dock handshake only, never to seal or open records.
/// </summary>
public static class HostDockIdentity
{
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("terminal-host dock signing key v1");

    /// <summary>The host's dock signing key of <paramref name="district"/> (the caller disposes it).</summary>
    public static ECDsa Derive(DistrictKeyPair district)
    {
        ArgumentNullException.ThrowIfNull(district);
        var curve = NistNamedCurves.GetByName("P-256");
        var secret = district.ExportPrivateKey();
        try
        {
            for (byte counter = 0; ; counter++)
            {
                // a candidate scalar; the rare one outside [1, n-1] is skipped for the next counter
                var candidate = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [counter], info: Info);
                var d = new BigInteger(1, candidate);
                if (d.SignValue > 0 && d.CompareTo(curve.N) < 0)
                {
                    var q = curve.G.Multiply(d).Normalize();
                    var key = ECDsa.Create(new ECParameters
                    {
                        Curve = ECCurve.NamedCurves.nistP256,
                        D = candidate,
                        Q = new ECPoint { X = q.AffineXCoord.GetEncoded(), Y = q.AffineYCoord.GetEncoded() },
                    });
                    CryptographicOperations.ZeroMemory(candidate);
                    return key;
                }
                CryptographicOperations.ZeroMemory(candidate);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The public point as the technician types it into <c>terminal provision --host-key</c>: "DOCK:" and base64.</summary>
    public static string PublicText(ECDsa key) => DockKeys.HostIdentityText(DockKeys.PublicPoint(key));
}
