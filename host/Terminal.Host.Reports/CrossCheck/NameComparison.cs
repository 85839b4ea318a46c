using System.Globalization;
using System.Text;
using Terminal.Records.Names;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>
/// Comparing names across departments' lists. Names are compared as keys (NFKC-folded, without spaces and the
/// separators of transliterated names: 买买提·艾力 = 买买提•艾力 = 买买提艾力). A typo is tolerated only where it is safe:
/// the same number of characters, exactly one position different (or two neighbours swapped), at least three
/// characters — or two, when the differing characters share a pinyin initial (王芳/王方: a homophone typed for the
/// other). The matcher adds the rest of the safety: same birth date, same sex, and a single candidate.
/// </summary>
public static class NameComparison
{
    private const string Separators = "·•・．.‧∙⋅-－ 　";

    /// <summary>The name as compared.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && Separators.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }
        return key.ToString();
    }

    /// <summary>True when the two name keys differ by one safe typo (see the class summary); false when equal.</summary>
    public static bool IsSafeTypo(string keyA, string keyB)
    {
        ArgumentNullException.ThrowIfNull(keyA);
        ArgumentNullException.ThrowIfNull(keyB);
        var a = keyA.EnumerateRunes().ToArray();
        var b = keyB.EnumerateRunes().ToArray();
        if (a.Length != b.Length || a.Length < 2)
        {
            return false;
        }
        var differing = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
        if (differing.Length == 2 && differing[1] == differing[0] + 1 && a.Length >= 3
            && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]])
        {
            return true; // two neighbours swapped
        }
        if (differing.Length != 1)
        {
            return false;
        }
        if (a.Length >= 3)
        {
            return true;
        }
        var x = PinyinInitials.LettersOf(a[differing[0]].Value);
        var y = PinyinInitials.LettersOf(b[differing[0]].Value);
        return x.Length > 0 && x.Any(c => y.Contains(c, StringComparison.Ordinal));
    }

    internal static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
