namespace Terminal.Host.Reports.Pdf;

/// <summary>A written PDF: its page count, and the characters of its text the font has no glyph for (they print
/// blank; empty when none). A name with a rare character (e.g. outside the font's set) shows up here.</summary>
public sealed record PdfWriteResult(int Pages, string MissingCharacters)
{
    /// <summary>The Chinese warning for the user, or null when every character printed.</summary>
    public string? Warning => MissingCharacters.Length == 0
        ? null
        : $"以下字在所用字体中没有，PDF中显示为空白：{MissingCharacters}。请改用含这些字的字体（设置中的字体文件），或在打印件上手写补全。";
}
