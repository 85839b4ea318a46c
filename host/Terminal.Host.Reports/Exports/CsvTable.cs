using System.Text;

namespace Terminal.Host.Reports.Exports;

/// <summary>
/// Writes CSV as the city package carries it: UTF-8 with a byte-order mark (so Excel and WPS read Chinese right),
/// CRLF line ends, fields quoted per RFC 4180 when they hold a comma, quote or line break, every field neutralised
/// against formula injection (<see cref="SpreadsheetText"/>).
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder _text = new();

    /// <summary>Rows written after the heading.</summary>
    public int Rows { get; private set; } = -1;

    /// <summary>Appends one row (the first is the heading).</summary>
    public CsvTable Row(params IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }
            var field = SpreadsheetText.Neutralise(fields[i]);
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                _text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _text.Append(field);
            }
        }
        _text.Append("\r\n");
        Rows++;
        return this;
    }

    /// <summary>The file's bytes.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
