using System.Globalization;
using SkiaSharp;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// A4 pages of one PDF document (SkiaSharp's <see cref="SKDocument"/>, points: 595 × 842) with a cursor that runs
/// down the page: text, wrapped paragraphs, table rows and drawings are placed below what was placed before, and a
/// new page begins (with the running title and the page number) when the next item does not fit. Made and finished by
/// <see cref="Write"/>.
/// </summary>
public sealed class PdfPages : IDisposable
{
    /// <summary>A4 width in points.</summary>
    public const float PageWidth = 595f;

    /// <summary>A4 height in points.</summary>
    public const float PageHeight = 842f;

    /// <summary>The margin on every side.</summary>
    public const float Margin = 48f;

    /// <summary>Marks that may not begin a line (Chinese line-breaking rules).</summary>
    private const string NoLineStart = "，。、；：？！）》」』”’%％…";

    private readonly SKDocument? _document;
    private readonly SKTypeface _typeface;
    private readonly System.Text.StringBuilder _used = new();
    private readonly string _runningTitle;
    private readonly Dictionary<float, SKFont> _fonts = [];
    private bool _disposed;

    private PdfPages(SKDocument? document, SKTypeface typeface, string runningTitle)
    {
        _document = document;
        _typeface = typeface;
        _runningTitle = runningTitle;
    }

    /// <summary>
    /// Writes one PDF document to <paramref name="output"/> (left open): <paramref name="draw"/> runs twice, first on
    /// pages that draw nothing, to learn which characters the document uses, then on the PDF with the font cut to
    /// those glyphs (<see cref="TrueTypeSubset"/>), so the file embeds a subset rather than the whole font. Returns the
    /// pages written and the characters the font has no glyph for (printed blank: the host should tell the user).
    /// </summary>
    public static PdfWriteResult Write(Stream output, ReportFont font, PdfInfo info, Action<PdfPages> draw)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(draw);
        string used;
        string missing;
        using (var probe = new PdfPages(null, font.Typeface, info.RunningTitle))
        {
            draw(probe);
            used = probe._used.ToString();
            missing = font.MissingCharacters(used);
        }
        using var subset = font.SubsetFor(used);
        using var stream = new SKManagedWStream(output, disposeManagedStream: false);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Subject = info.Subject ?? "",
            Creator = "退役军人和其他优抚对象信息采集终端系统",
            Producer = "Terminal.Host.Reports (SkiaSharp PDF)",
            Creation = info.Created.UtcDateTime,
            Modified = info.Created.UtcDateTime,
            RasterDpi = 300,
        };
        var document = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not open a PDF document on the stream");
        using var pages = new PdfPages(document, subset, info.RunningTitle);
        draw(pages);
        return new PdfWriteResult(pages.PageCount, missing);
    }

    /// <summary>The page being drawn (null before the first item).</summary>
    public SKCanvas? Canvas { get; private set; }

    /// <summary>Pages begun so far.</summary>
    public int PageCount { get; private set; }

    /// <summary>The top of the free space on the current page.</summary>
    public float Y { get; set; }

    /// <summary>The width between the margins.</summary>
    public static float ContentWidth => PageWidth - 2 * Margin;

    /// <summary>The bottom of the space items may use.</summary>
    public static float Bottom => PageHeight - Margin;

    /// <summary>The font at a size (cached).</summary>
    public SKFont FontOf(float size)
    {
        if (!_fonts.TryGetValue(size, out var font))
        {
            font = new SKFont(_typeface, size) { Subpixel = true };
            _fonts[size] = font;
        }
        return font;
    }

    /// <summary>Makes sure <paramref name="height"/> points are free below the cursor, beginning a page when not.</summary>
    public SKCanvas Reserve(float height)
    {
        if (Canvas is null || Y + height > Bottom)
        {
            NewPage();
        }
        return Canvas!;
    }

    /// <summary>Ends the current page (if any) and begins the next, with the running title and page number.</summary>
    public void NewPage()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EndPage();
        BeginPage();
        var canvas = Canvas!;
        using var grey = new SKPaint { Color = new SKColor(0x66, 0x66, 0x66), IsAntialias = true };
        DrawText(_runningTitle, Margin, Margin - 20, SKTextAlign.Left, 8f, grey);
        DrawText(string.Create(CultureInfo.InvariantCulture, $"第 {PageCount} 页"), PageWidth - Margin, PageHeight - Margin + 24, SKTextAlign.Right, 8f, grey);
        using var rule = new SKPaint { Color = new SKColor(0xBB, 0xBB, 0xBB), StrokeWidth = 0.5f };
        canvas.DrawLine(Margin, Margin - 14, PageWidth - Margin, Margin - 14, rule);
        Y = Margin;
    }

    /// <summary>One line of text at the cursor (cut to the content width), then the cursor moves below it.</summary>
    public void Line(string text, float size, SKColor? color = null, float spaceAfter = 4f, SKTextAlign align = SKTextAlign.Left)
    {
        var font = FontOf(size);
        var height = size * 1.4f;
        Reserve(height);
        using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
        var x = align switch { SKTextAlign.Center => PageWidth / 2, SKTextAlign.Right => PageWidth - Margin, _ => Margin };
        DrawText(Fit(text, ContentWidth, font), x, Y + size, align, size, paint);
        Y += height + spaceAfter;
    }

    /// <summary>A paragraph wrapped to <paramref name="width"/> (Chinese breaks between any two characters).</summary>
    public void Paragraph(string text, float size, float indent = 0f, float spaceAfter = 6f)
    {
        var font = FontOf(size);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        foreach (var line in Wrap(text, ContentWidth - indent, font))
        {
            Reserve(size * 1.5f);
            DrawText(line, Margin + indent, Y + size, SKTextAlign.Left, size, paint);
            Y += size * 1.5f;
        }
        Y += spaceAfter;
    }

    /// <summary>Moves the cursor down.</summary>
    public void Space(float points) => Y += points;

    /// <summary>The lines <paramref name="text"/> takes at <paramref name="width"/>: breaks at newlines, then wherever a
    /// character would pass the width (Latin words are kept whole when they fit on a line).</summary>
    public static IReadOnlyList<string> Wrap(string text, float width, SKFont font)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var start = 0;
            var lastSpace = -1;
            for (var i = 0; i < paragraph.Length; i++)
            {
                if (paragraph[i] == ' ')
                {
                    lastSpace = i;
                }
                if (font.MeasureText(paragraph.AsSpan(start, i - start + 1)) > width && i > start)
                {
                    var cut = lastSpace > start && char.IsAsciiLetterOrDigit(paragraph[i]) ? lastSpace + 1 : i;
                    if (cut - 1 > start && NoLineStart.Contains(paragraph[cut]))
                    {
                        cut--; // a closing mark never begins a line: its character goes down with it
                    }
                    lines.Add(paragraph[start..cut].TrimEnd());
                    start = cut;
                    lastSpace = -1;
                }
            }
            lines.Add(paragraph[start..]);
        }
        return lines;
    }

    /// <summary>The text cut with "…" so it fits <paramref name="width"/>.</summary>
    public static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }
        var end = text.Length;
        while (end > 0 && font.MeasureText(string.Concat(text.AsSpan(0, end), "…")) > width)
        {
            end--;
        }
        return string.Concat(text.AsSpan(0, end), "…");
    }

    /// <summary>Draws text at a baseline point with the font at <paramref name="size"/>; every text of a document goes
    /// through here, so the first pass learns the characters the font subset must hold.</summary>
    public void DrawText(string text, float x, float y, SKTextAlign align, float size, SKPaint paint)
    {
        ArgumentNullException.ThrowIfNull(text);
        _used.Append(text);
        Canvas!.DrawText(text, x, y, align, FontOf(size), paint);
    }

    private void BeginPage()
    {
        Canvas = _document is null ? new SKNoDrawCanvas((int)PageWidth, (int)PageHeight) : _document.BeginPage(PageWidth, PageHeight);
        PageCount++;
    }

    private void EndPage()
    {
        if (Canvas is null)
        {
            return;
        }
        if (_document is null)
        {
            Canvas.Dispose();
        }
        else
        {
            _document.EndPage();
        }
        Canvas = null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (PageCount == 0)
        {
            BeginPage();
        }
        EndPage();
        if (_document is not null)
        {
            _document.Close();
            _document.Dispose();
        }
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }
}
