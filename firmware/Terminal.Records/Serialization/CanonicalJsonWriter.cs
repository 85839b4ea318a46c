using System.Buffers;
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
    /// <summary>The characters a string must escape: ", \ and the controls U+0000–U+001F.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly StringBuilder _text = new(2048);

    /// <summary>The UTF-8 bytes written so far.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    /// <summary>The last member name written in each open object (null before the first).</summary>
    private readonly Stack<string?> _lastMember = new();

    /// <summary>Opens an object; its members follow through <see cref="Member"/>, in ordinal order of their names.</summary>
    public void BeginObject()
    {
        _text.Append('{');
        _lastMember.Push(null);
    }

    /// <summary>
    /// Writes a member's name; its value follows. Names must come in ordinal (UTF-16 code unit) order: a name out of
    /// order throws, so the writer never emits a non-canonical object, whatever order a caller writes in.
    /// </summary>
    public void Member(string name)
    {
        var last = _lastMember.Pop();
        if (last is not null)
        {
            if (string.CompareOrdinal(last, name) >= 0)
            {
                throw new InvalidOperationException($"member \"{name}\" written after \"{last}\": canonical objects list their members in ordinal order, once each");
            }
            _text.Append(',');
        }
        _lastMember.Push(name);
        String(name);
        _text.Append(':');
    }

    /// <summary>Closes the object opened last.</summary>
    public void EndObject()
    {
        _lastMember.Pop();
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
        if (!value.AsSpan().ContainsAny(Escaped))
        {
            _text.Append(value).Append('"');
            return;
        }
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
        if (!value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return;
        }
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
