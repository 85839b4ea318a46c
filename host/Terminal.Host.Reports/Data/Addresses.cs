using System.Text;

namespace Terminal.Host.Reports.Data;

/// <summary>Comparing addresses as people write them: for grouping households (honour plaques) and for the
/// cross-check's "different address".</summary>
public static class Addresses
{
    /// <summary>An address for comparing: NFKC-folded (full-width digits and letters), without whitespace and punctuation.</summary>
    public static string Key(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var folded = address.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }
        return key.ToString();
    }

    /// <summary>Addresses are the same when their keys are equal or one ends with the other (one omits the province,
    /// city or district at the front), the shorter holding at least six characters.</summary>
    public static bool Same(string a, string b)
    {
        var x = Key(a);
        var y = Key(b);
        if (x == y)
        {
            return true;
        }
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length >= 6 && longer.EndsWith(shorter, StringComparison.Ordinal);
    }
}
