using System.Globalization;
using SkiaSharp;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// A horizontal bar chart drawn at the cursor: one bar per row, its label on the left and its count at the bar's
/// end, bars scaled to the largest count. Drawn as vector paths (rectangles), so the PDF holds the chart itself.
/// </summary>
public static class BarChart
{
    /// <summary>The bars' colour.</summary>
    public static readonly SKColor BarColor = new(0x2F, 0x6D, 0xB5);

    private const float RowHeight = 13f;
    private const float LabelWidth = 150f;
    private const float CountWidth = 70f;

    /// <summary>Draws the chart; at most <paramref name="maxBars"/> bars (the largest), the rest summed as "其他".</summary>
    public static void Draw(PdfPages pages, string caption, IReadOnlyList<(string Label, long Count)> bars, int maxBars = 20)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(bars);
        var shown = bars.Count <= maxBars
            ? bars
            : [.. bars.OrderByDescending(b => b.Count).Take(maxBars - 1), ("其他", bars.OrderByDescending(b => b.Count).Skip(maxBars - 1).Sum(b => b.Count))];
        var height = 18f + shown.Count * RowHeight + 8f;
        var canvas = pages.Reserve(height);
        var font = pages.FontOf(8f);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var bar = new SKPaint { Color = BarColor, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var axis = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), StrokeWidth = 0.5f };
        var y = pages.Y;
        pages.DrawText(caption, PdfPages.Margin, y + 10, SKTextAlign.Left, 9f, ink);
        y += 18f;
        var max = Math.Max(1, shown.Count == 0 ? 1 : shown.Max(b => b.Count));
        var left = PdfPages.Margin + LabelWidth;
        var span = PdfPages.ContentWidth - LabelWidth - CountWidth;
        canvas.DrawLine(left, y - 2, left, y + shown.Count * RowHeight, axis);
        foreach (var (label, count) in shown)
        {
            pages.DrawText(PdfPages.Fit(label, LabelWidth - 6, font), left - 4, y + 9, SKTextAlign.Right, 8f, ink);
            var w = span * count / max;
            if (count > 0)
            {
                canvas.DrawRect(new SKRect(left, y + 2, left + Math.Max(w, 0.8f), y + RowHeight - 2), bar);
            }
            pages.DrawText(count.ToString("N0", CultureInfo.InvariantCulture), left + w + 4, y + 9, SKTextAlign.Left, 8f, ink);
            y += RowHeight;
        }
        pages.Y = y + 8f;
    }
}
