using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Terminal.Storage.Sealing;

/// <summary>The curve of a district suite: point checks, public point from a private scalar, key ids.</summary>
internal static class DistrictCurve
{
    public const int ScalarLength = 32;
    public const int PointLength = 65;

    private static readonly ECDomainParameters P256Domain = Domain(ECNamedCurveTable.GetByName("P-256"));
    private static readonly ECDomainParameters Sm2Domain = Domain(GMNamedCurves.GetByName("sm2p256v1"));

    public static ECDomainParameters DomainOf(DistrictSuite suite) => suite switch
    {
        DistrictSuite.P256 => P256Domain,
        DistrictSuite.Sm2 => Sm2Domain,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "unknown district suite"),
    };

    /// <summary>The point decoded and checked to lie on the suite's curve (throws <see cref="ArgumentException"/>).</summary>
    public static ECPoint DecodePoint(DistrictSuite suite, ReadOnlySpan<byte> point)
    {
        if (point.Length != PointLength || point[0] != 0x04)
        {
            throw new ArgumentException("a district public key is an uncompressed point of 65 bytes");
        }
        try
        {
            var p = DomainOf(suite).Curve.DecodePoint(point.ToArray());
            if (p.IsInfinity || !p.IsValid())
            {
                throw new ArgumentException("the district public key is not a point of the curve");
            }
            return p;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("the district public key is not a point of the curve", e);
        }
    }

    /// <summary>The uncompressed public point of a private scalar.</summary>
    public static byte[] PublicPointOf(DistrictSuite suite, ReadOnlySpan<byte> scalar)
    {
        var domain = DomainOf(suite);
        var d = new BigInteger(1, scalar.ToArray());
        if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0)
        {
            throw new ArgumentException("the private key is out of range for the curve");
        }
        return domain.G.Multiply(d).Normalize().GetEncoded(false);
    }

    /// <summary>The key id: the first 8 bytes of SHA-256 (P-256) or SM3 (SM2) of the public point.</summary>
    public static byte[] KeyIdOf(DistrictSuite suite, ReadOnlySpan<byte> point)
    {
        byte[] hash;
        if (suite == DistrictSuite.Sm2)
        {
            var sm3 = new SM3Digest();
            sm3.BlockUpdate(point);
            hash = new byte[sm3.GetDigestSize()];
            sm3.DoFinal(hash, 0);
        }
        else
        {
            hash = System.Security.Cryptography.SHA256.HashData(point);
        }
        return hash[..EnvelopeLayout.KeyIdLength];
    }

    private static ECDomainParameters Domain(X9ECParameters x9) => new(x9.Curve, x9.G, x9.N, x9.H, x9.GetSeed());
}
