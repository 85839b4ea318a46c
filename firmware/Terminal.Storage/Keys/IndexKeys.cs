using System.Security.Cryptography;
using System.Text;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Keys;

/// <summary>
/// Keyed hashes (HMAC-SHA256 under keys derived from the data key) that index the store without personal data in
/// the clear: ID numbers ("此人已采集", initial data), names and their pinyin initials (initial data) and photos. Written "kh:" + hex.
/// Without the data key they cannot be computed, so a list of ID numbers cannot be tested against a stolen store.
/// </summary>
internal sealed class IndexKeys : IDisposable
{
    private readonly byte[] _idNumber;
    private readonly byte[] _name;
    private readonly byte[] _initials;
    private readonly byte[] _photo;

    public IndexKeys(DataKey dataKey)
    {
        _idNumber = dataKey.Derive("index/id-number");
        _name = dataKey.Derive("index/name");
        _initials = dataKey.Derive("index/initials");
        _photo = dataKey.Derive("index/photo");
    }

    /// <summary>The keyed hash of an ID number (spaces trimmed, x upper-cased).</summary>
    public string IdNumber(string idNumber) => Hash(_idNumber, NormalizeIdNumber(idNumber));

    /// <summary>The keyed hash of a name (white space removed, Unicode NFC).</summary>
    public string Name(string name) => Hash(_name, NormalizeName(name));

    /// <summary>The keyed hash of one spelling of a name's pinyin initials (lower-case a–z, see Terminal.Records.Names.PinyinInitials).</summary>
    public string Initials(string initials) => Hash(_initials, initials);

    /// <summary>The keyed hash of a record's photo (record id and the photo's SHA-256).</summary>
    public string Photo(Guid recordId, string sha256) => Hash(_photo, recordId.ToString("N") + "/" + sha256.ToLowerInvariant());

    public static string NormalizeIdNumber(string idNumber) => idNumber.Trim().ToUpperInvariant();

    public static string NormalizeName(string name) =>
        string.Concat(name.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)));

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_idNumber);
        CryptographicOperations.ZeroMemory(_name);
        CryptographicOperations.ZeroMemory(_initials);
        CryptographicOperations.ZeroMemory(_photo);
    }

    private static string Hash(byte[] key, string text) => "kh:" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
}
