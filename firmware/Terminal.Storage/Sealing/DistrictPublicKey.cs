namespace Terminal.Storage.Sealing;

/// <summary>
/// The district's public key that a terminal seals finalized records to. Text form (provisioning, config):
/// <c>P256:</c> or <c>SM2:</c> followed by the base64 of the uncompressed point (65 bytes).
/// </summary>
public sealed class DistrictPublicKey : IEquatable<DistrictPublicKey>
{
    private readonly byte[] _point;
    private readonly byte[] _keyId;

    /// <summary>A key from its suite and uncompressed point; throws <see cref="ArgumentException"/> when the point is not on the curve.</summary>
    public DistrictPublicKey(DistrictSuite suite, ReadOnlySpan<byte> point)
    {
        DistrictCurve.DecodePoint(suite, point);
        Suite = suite;
        _point = point.ToArray();
        _keyId = DistrictCurve.KeyIdOf(suite, point);
    }

    /// <summary>Which suite the key belongs to.</summary>
    public DistrictSuite Suite { get; }

    /// <summary>The uncompressed point (0x04 | X | Y).</summary>
    public ReadOnlySpan<byte> Point => _point;

    /// <summary>The 8-byte key id written in every envelope sealed to this key.</summary>
    public ReadOnlySpan<byte> KeyId => _keyId;

    /// <summary>Reads the text form; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static DistrictPublicKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var suite = colon < 0 ? (DistrictSuite?)null : text[..colon] switch
        {
            "P256" => DistrictSuite.P256,
            "SM2" => DistrictSuite.Sm2,
            _ => null,
        };
        if (suite is null)
        {
            throw new FormatException("区县公钥格式不对：应以 P256: 或 SM2: 开头，请向区县索取正确的公钥。");
        }
        try
        {
            return new DistrictPublicKey(suite.Value, Convert.FromBase64String(text[(colon + 1)..]));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new FormatException("区县公钥无效：不是该算法曲线上的公钥，请向区县索取正确的公钥。", e);
        }
    }

    /// <summary>The text form.</summary>
    public override string ToString() => (Suite == DistrictSuite.Sm2 ? "SM2:" : "P256:") + Convert.ToBase64String(_point);

    public bool Equals(DistrictPublicKey? other) => other is not null && other.Suite == Suite && other._point.AsSpan().SequenceEqual(_point);

    public override bool Equals(object? obj) => Equals(obj as DistrictPublicKey);

    public override int GetHashCode() => HashCode.Combine(Suite, _keyId[0], _keyId[1], _keyId[2], _keyId[3]);
}
