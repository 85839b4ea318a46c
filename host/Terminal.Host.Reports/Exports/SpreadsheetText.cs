namespace Terminal.Host.Reports.Exports;

/// <summary>
/// Neutralises text against spreadsheet formula injection (CSV/formula injection, OWASP): a cell that begins with
/// =, +, -, @, a tab or a carriage return can be taken for a formula by Excel or WPS when the file is opened or
/// re-saved as CSV, so such text gets a leading apostrophe, which spreadsheets read as "this is text". Every text
/// cell of every export goes through <see cref="Neutralise"/>; numbers and dates are written as numbers and dates.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The characters that may not begin a text cell.</summary>
    public static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text, with an apostrophe in front when it begins with a formula character; null becomes "".</summary>
    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
}
