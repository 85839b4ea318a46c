using SkiaSharp;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// A ruled table drawn at the cursor of <see cref="PdfPages"/>: a shaded heading row, then the rows; cell text wraps
/// inside its column, a row never splits across pages, and the heading is repeated on each new page.
/// </summary>
public sealed class PdfTable
{
    private const float Padding = 3f;
    private readonly PdfPages _pages;
    private readonly IReadOnlyList<PdfColumn> _columns;
    private readonly float[] _widths;
    private readonly float _size;

    /// <summary>Starts a table (nothing is drawn until the first row).</summary>
    public PdfTable(PdfPages pages, IReadOnlyList<PdfColumn> columns, float size = 9f)
    {
        _pages = pages;
        _columns = columns;
        _size = size;
        var total = columns.Sum(c => c.Weight);
        _widths = columns.Select(c => PdfPages.ContentWidth * c.Weight / total).ToArray();
    }

    private int _headedPage = -1;

    /// <summary>Draws one row (as many cells as columns).</summary>
    public void Row(params IReadOnlyList<string> cells) => Draw(cells, shaded: false);

    /// <summary>Draws a row in bold-looking shade (totals).</summary>
    public void TotalRow(params IReadOnlyList<string> cells) => Draw(cells, shaded: true);

    /// <summary>Ends the table: the cursor moves below it.</summary>
    public void End(float spaceAfter = 10f) => _pages.Space(spaceAfter);

    private void Draw(IReadOnlyList<string> cells, bool shaded)
    {
        if (cells.Count != _columns.Count)
        {
            throw new ArgumentException($"a row of this table has {_columns.Count} cells, not {cells.Count}", nameof(cells));
        }
        var font = _pages.FontOf(_size);
        var lines = cells.Select((c, i) => PdfPages.Wrap(c, _widths[i] - 2 * Padding, font)).ToArray();
        var height = lines.Max(l => l.Count) * _size * 1.35f + 2 * Padding;
        _pages.Reserve(height + (_headedPage == _pages.PageCount ? 0 : HeadingHeight));
        if (_headedPage != _pages.PageCount)
        {
            _headedPage = _pages.PageCount;
            var headings = _columns.Select((c, i) => PdfPages.Wrap(c.Heading, _widths[i] - 2 * Padding, font)).ToArray();
            DrawCells(headings, HeadingHeight, new SKColor(0xDD, 0xE4, 0xEE));
        }
        DrawCells(lines, height, shaded ? new SKColor(0xF1, 0xF1, 0xF1) : null);
    }

    private float HeadingHeight
    {
        get
        {
            var font = _pages.FontOf(_size);
            var lines = 1;
            for (var i = 0; i < _columns.Count; i++)
            {
                lines = Math.Max(lines, PdfPages.Wrap(_columns[i].Heading, _widths[i] - 2 * Padding, font).Count);
            }
            return lines * _size * 1.35f + 2 * Padding;
        }
    }

    private void DrawCells(IReadOnlyList<string>[] lines, float height, SKColor? fill)
    {
        var canvas = _pages.Canvas!;
        var y = _pages.Y;
        var font = _pages.FontOf(_size);
        using var border = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var x = PdfPages.Margin;
        for (var i = 0; i < _columns.Count; i++)
        {
            var cell = new SKRect(x, y, x + _widths[i], y + height);
            if (fill is { } f)
            {
                using var shade = new SKPaint { Color = f, Style = SKPaintStyle.Fill };
                canvas.DrawRect(cell, shade);
            }
            canvas.DrawRect(cell, border);
            var tx = _columns[i].Align switch
            {
                SKTextAlign.Right => cell.Right - Padding,
                SKTextAlign.Center => cell.MidX,
                _ => cell.Left + Padding,
            };
            for (var l = 0; l < lines[i].Count; l++)
            {
                _pages.DrawText(lines[i][l], tx, y + Padding + _size * (1 + 1.35f * l), _columns[i].Align, _size, ink);
            }
            x += _widths[i];
        }
        _pages.Y = y + height;
    }
}
