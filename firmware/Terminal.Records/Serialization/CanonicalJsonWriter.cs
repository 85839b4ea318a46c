using System.Globalization;
using System.Text;

namespace Terminal.Records.Serialization;

/// <summary>
/// Writes the canonical JSON of CANONICAL.md: no whitespace; object members sorted by their names' UTF-16 code
/// units (ordinal); strings escaped only where JSON requires it (", \, and U+0000–U+001F, the latter as \b \t \n
/// \f \r or \u00xx in lower-case hex), every other character as itself in UTF-8; numbers only as integers.
/// For documents of strings, integers and booleans this is the JSON Canonicalization Scheme (RFC 8785).
/// Written by hand on purpose: the hash of a record must not change when a library's escaping default does.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>The UTF-8 bytes written so far.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    /// <summary>Writes an object whose members are given in any order; they are sorted here.</summary>
    public void Object(IEnumerable<KeyValuePair<string, Action<CanonicalJsonWriter>>> members)
    {
        _text.Append('{');
        var first = true;
        foreach (var (name, write) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                _text.Append(',');
            }
            first = false;
            String(name);
            _text.Append(':');
            write(this);
        }
        _text.Append('}');
    }

    /// <summary>Writes an array of items in the order given.</summary>
    public void Array<T>(IEnumerable<T> items, Action<CanonicalJsonWriter, T> write)
    {
        _text.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                _text.Append(',');
            }
            first = false;
            write(this, item);
        }
        _text.Append(']');
    }

    /// <summary>Writes an integer.</summary>
    public void Integer(long value) => _text.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes true or false.</summary>
    public void Boolean(bool value) => _text.Append(value ? "true" : "false");

    /// <summary>Writes null.</summary>
    public void Null() => _text.Append("null");

    /// <summary>Writes a string with the minimal escaping of RFC 8785 §3.2.2.2.</summary>
    public void String(string value)
    {
        ThrowIfNotWellFormed(value);
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\b': _text.Append("\\b"); break;
                case '\t': _text.Append("\\t"); break;
                case '\n': _text.Append("\\n"); break;
                case '\f': _text.Append("\\f"); break;
                case '\r': _text.Append("\\r"); break;
                default:
                    if (c < 0x20)
                    {
                        _text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }
                    break;
            }
        }
        _text.Append('"');
    }

    /// <summary>A lone surrogate has no UTF-8 form: it would silently become U+FFFD and break the round trip.</summary>
    private static void ThrowIfNotWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new ArgumentException($"text holds a lone surrogate at index {i}: not valid Unicode", nameof(value));
            }
        }
    }
}
