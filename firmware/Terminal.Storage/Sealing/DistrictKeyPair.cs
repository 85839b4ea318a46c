using System.Security.Cryptography;

namespace Terminal.Storage.Sealing;

/// <summary>
/// The district's key pair (host side): the private scalar opens what terminals sealed to
/// <see cref="PublicKey"/>. The scalar lives in a pinned buffer zeroed on <see cref="Dispose"/>.
/// </summary>
public sealed class DistrictKeyPair : IDisposable
{
    private readonly byte[] _scalar = GC.AllocateArray<byte>(DistrictCurve.ScalarLength, pinned: true);
    private bool _disposed;

    private DistrictKeyPair(DistrictSuite suite, ReadOnlySpan<byte> scalar)
    {
        scalar.CopyTo(_scalar);
        Suite = suite;
        PublicKey = new DistrictPublicKey(suite, DistrictCurve.PublicPointOf(suite, scalar));
    }

    /// <summary>The suite of the key pair.</summary>
    public DistrictSuite Suite { get; }

    /// <summary>The public key given to the district's terminals.</summary>
    public DistrictPublicKey PublicKey { get; }

    /// <summary>A new random key pair.</summary>
    public static DistrictKeyPair Generate(DistrictSuite suite)
    {
        var domain = DistrictCurve.DomainOf(suite);
        Span<byte> scalar = stackalloc byte[DistrictCurve.ScalarLength];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(scalar);
                var d = new Org.BouncyCastle.Math.BigInteger(1, scalar.ToArray());
                if (d.SignValue > 0 && d.CompareTo(domain.N) < 0)
                {
                    return new DistrictKeyPair(suite, scalar);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>A key pair from its 32-byte private scalar (big-endian), as exported by <see cref="ExportPrivateKey"/>.</summary>
    public static DistrictKeyPair Import(DistrictSuite suite, ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != DistrictCurve.ScalarLength)
        {
            throw new ArgumentException("a district private key is 32 bytes", nameof(privateKey));
        }
        return new DistrictKeyPair(suite, privateKey);
    }

    /// <summary>The private scalar (the caller keeps it safe and zeroes it after use).</summary>
    public byte[] ExportPrivateKey() => Scalar.ToArray();

    /// <summary>The private scalar; valid until <see cref="Dispose"/>.</summary>
    internal ReadOnlySpan<byte> Scalar
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _scalar;
        }
    }

    /// <summary>Zeroes the private key.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_scalar);
        _disposed = true;
    }
}
