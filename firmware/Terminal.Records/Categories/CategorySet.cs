using System.Globalization;
using System.Numerics;
using System.Text;

namespace Terminal.Records.Categories;

/// <summary>
/// A set of subject categories, held as twelve bits (bit n = category n). Immutable; enumerates in number order.
/// </summary>
public readonly struct CategorySet : IEquatable<CategorySet>
{
    private const ushort AllBits = 0b1_1111_1111_1110;

    private readonly ushort _bits;

    private CategorySet(ushort bits) => _bits = bits;

    /// <summary>The empty set.</summary>
    public static CategorySet Empty => default;

    /// <summary>The set whose bit pattern is <paramref name="mask"/> (bit n = category n; bit 0 and bits above 12 must be clear).</summary>
    public static CategorySet FromMask(int mask)
    {
        if ((mask & ~AllBits) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mask), mask, "only bits 1 to 12 name categories");
        }
        return new CategorySet((ushort)mask);
    }

    /// <summary>The set holding exactly these categories.</summary>
    public static CategorySet Of(params ReadOnlySpan<Category> categories)
    {
        ushort bits = 0;
        foreach (var c in categories)
        {
            bits |= (ushort)(1 << CheckedNumber(c));
        }
        return new CategorySet(bits);
    }

    /// <summary>The bit pattern: bit n set when category n is in the set.</summary>
    public int Mask => _bits;

    /// <summary>How many categories the set holds.</summary>
    public int Count => BitOperations.PopCount(_bits);

    /// <summary>True when no category is selected.</summary>
    public bool IsEmpty => _bits == 0;

    /// <summary>True when the set holds <paramref name="category"/>.</summary>
    public bool Contains(Category category) => (_bits & (1 << CheckedNumber(category))) != 0;

    /// <summary>The set with <paramref name="category"/> added.</summary>
    public CategorySet With(Category category) => new((ushort)(_bits | (1 << CheckedNumber(category))));

    /// <summary>The set with <paramref name="category"/> removed.</summary>
    public CategorySet Without(Category category) => new((ushort)(_bits & ~(1 << CheckedNumber(category))));

    /// <summary>The categories of this set whose numbers lie in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public CategorySet Range(int first, int last)
    {
        var mask = 0;
        for (var n = first; n <= last; n++)
        {
            mask |= 1 << n;
        }
        return new CategorySet((ushort)(_bits & mask));
    }

    /// <summary>The categories in number order.</summary>
    public IEnumerable<Category> Members()
    {
        for (var n = 1; n <= 12; n++)
        {
            if ((_bits & (1 << n)) != 0)
            {
                yield return (Category)n;
            }
        }
    }

    /// <summary>"1,7,9": the numbers in order, comma-separated (the form the CLI takes and the canonical record uses).</summary>
    public override string ToString() => string.Join(',', Members().Select(c => ((int)c).ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads "1,7,9" (also full-width digits, "，" "、" or spaces as separators). Returns false with a Chinese reason
    /// for anything else: an empty list, a number outside 1 to 12, a character that is not a digit or separator.
    /// A number given twice counts once.
    /// </summary>
    public static bool TryParse(string? text, out CategorySet set, out string error)
    {
        set = Empty;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "请至少填写一个对象类别编号（1至12），多个编号用逗号分隔，例如 1,7,9";
            return false;
        }
        ushort bits = 0;
        foreach (var raw in text.Split([',', '，', '、', ' ', '　', ';', '；'], StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Normalize(NormalizationForm.FormKC).Trim().TrimStart('(', '（').TrimEnd(')', '）');
            if (token.Length == 0 || token.Length > 2 || !token.All(char.IsAsciiDigit))
            {
                error = $"“{raw}”不是对象类别编号：请填写1至12之间的数字，多个编号用逗号分隔";
                return false;
            }
            var n = int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
            if (n is < 1 or > 12)
            {
                error = $"对象类别编号{n}不存在：编号应为1至12";
                return false;
            }
            bits |= (ushort)(1 << n);
        }
        if (bits == 0)
        {
            error = "请至少填写一个对象类别编号（1至12），多个编号用逗号分隔，例如 1,7,9";
            return false;
        }
        set = new CategorySet(bits);
        return true;
    }

    internal static int CheckedNumber(Category category)
    {
        var n = (int)category;
        if (n is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "categories are numbered 1 to 12");
        }
        return n;
    }

    /// <inheritdoc/>
    public bool Equals(CategorySet other) => _bits == other._bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CategorySet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _bits;

    /// <summary>Set equality.</summary>
    public static bool operator ==(CategorySet left, CategorySet right) => left.Equals(right);

    /// <summary>Set inequality.</summary>
    public static bool operator !=(CategorySet left, CategorySet right) => !left.Equals(right);
}
