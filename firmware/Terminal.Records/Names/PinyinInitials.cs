using System.Globalization;
using System.Text;

namespace Terminal.Records.Names;

/// <summary>
/// The pinyin initials of a name ("zjg" for 张建国), as field workers and office staff type them to find a subject.
/// A polyphonic character counts under each of its readings (单 d/s/c, 曾 c/z, 解 j/x), so a name has one or more
/// spellings of initials. Data: the embedded Names/pinyin-initials.txt, made from the Unicode Han Database by
/// Names/make-pinyin-initials.py. Latin words count by their first letter; other characters (·, spaces) are skipped.
/// </summary>
public static class PinyinInitials
{
    /// <summary>At most this many spellings of one name (the most polyphonic names are cut there).</summary>
    public const int MaxSpellings = 32;

    private const string ResourceName = "Terminal.Records.Names.pinyin-initials.txt";

    private static readonly Lazy<Table> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The initials' letters of one character ("dsc" for 单), or "" when it is not a Han character on file.</summary>
    public static string LettersOf(int codePoint) => Data.Value.LettersOf(codePoint);

    /// <summary>
    /// Every spelling of the initials of <paramref name="name"/>, the most common readings first, at most
    /// <see cref="MaxSpellings"/>; empty when the name has no Han character or Latin letter on file.
    /// </summary>
    public static IReadOnlyList<string> Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var spellings = new List<string> { "" };
        var inLatinWord = false;
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            string letters;
            if (Rune.IsLetter(rune) && rune.Value < 0x250)
            {
                var first = !inLatinWord;
                inLatinWord = true;
                if (!first)
                {
                    continue;
                }
                letters = Rune.ToLowerInvariant(rune).ToString();
            }
            else
            {
                inLatinWord = false;
                letters = LettersOf(rune.Value);
            }
            if (letters.Length == 0)
            {
                continue;
            }
            var next = new List<string>(Math.Min(spellings.Count * letters.Length, MaxSpellings));
            foreach (var letter in letters)
            {
                foreach (var spelling in spellings)
                {
                    if (next.Count < MaxSpellings)
                    {
                        next.Add(spelling + letter);
                    }
                }
            }
            spellings = next;
        }
        return spellings is [""] ? [] : spellings;
    }

    /// <summary>
    /// The initials someone typed, as they are compared: lower case a–z only. Null when the text is not initials
    /// (empty, or anything but Latin letters and spaces).
    /// </summary>
    public static string? NormalizeTyped(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var letters = new StringBuilder(typed.Length);
        foreach (var c in typed)
        {
            if (char.IsAsciiLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
            else if (!char.IsWhiteSpace(c))
            {
                return null;
            }
        }
        return letters.Length == 0 ? null : letters.ToString();
    }

    /// <summary>True when <paramref name="typed"/> (see <see cref="NormalizeTyped"/>) is one of the name's spellings.</summary>
    public static bool Matches(string name, string typed) =>
        NormalizeTyped(typed) is { } initials && Of(name).Contains(initials, StringComparer.Ordinal);

    private static Table Load()
    {
        using var stream = typeof(PinyinInitials).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the pinyin table {ResourceName} is not embedded in Terminal.Records");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var starts = new List<int>(40_000);
        var ends = new List<int>(40_000);
        var letters = new List<string>(40_000);
        var distinct = new Dictionary<string, string>(StringComparer.Ordinal);
        var codePoint = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split(' ');
            codePoint += int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var length = parts.Length > 2 ? int.Parse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 1;
            starts.Add(codePoint);
            ends.Add(codePoint + length - 1);
            letters.Add(distinct.TryGetValue(parts[1], out var shared) ? shared : distinct[parts[1]] = parts[1]);
        }
        return new Table([.. starts], [.. ends], [.. letters]);
    }

    /// <summary>Runs of code points with the same letters, sorted by their first code point.</summary>
    private sealed class Table(int[] starts, int[] ends, string[] letters)
    {
        public string LettersOf(int codePoint)
        {
            var i = Array.BinarySearch(starts, codePoint);
            if (i < 0)
            {
                i = ~i - 1;
            }
            return i >= 0 && codePoint <= ends[i] ? letters[i] : "";
        }
    }
}
