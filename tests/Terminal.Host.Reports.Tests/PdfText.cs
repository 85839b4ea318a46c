using UglyToad.PdfPig;

namespace Terminal.Host.Reports.Tests;

/// <summary>What a PDF holds, read back with PdfPig: the text of each page and the fonts.</summary>
internal static class PdfText
{
    /// <summary>The text of all pages, joined, without spaces (PdfPig puts spaces between separately drawn runs).</summary>
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The embedded font programs' uncompressed lengths (/Length1 of each FontFile2) and base font names.</summary>
    public static (IReadOnlyList<long> FontFileLengths, IReadOnlyList<string> BaseFonts) Fonts(byte[] pdf)
    {
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var lengths = System.Text.RegularExpressions.Regex.Matches(raw, @"/Length1 (\d+)").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var names = System.Text.RegularExpressions.Regex.Matches(raw, @"/BaseFont /([A-Za-z0-9+\-]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        return (lengths, names);
    }

    /// <summary>Page count.</summary>
    public static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>Writes the PDF where a run leaves its outputs and renders its first two pages to PNG with pdftoppm
    /// (poppler-utils), to be looked at; asserts that poppler reads the PDF and that each page shows ink (text drawn in
    /// a typeface without glyphs would be invisible). Returns the PNG paths.</summary>
    public static IReadOnlyList<string> Keep(byte[] pdf, string name)
    {
        var folder = ReportSamples.OutputFolder();
        var path = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        var pdftoppm = new[] { "/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm" }.FirstOrDefault(File.Exists);
        Assert.IsNotNull(pdftoppm, "pdftoppm is missing: install poppler-utils (./test installs it, tests/lib/tools.sh TEST_PACKAGES)");
        using var process = System.Diagnostics.Process.Start(pdftoppm, ["-png", "-r", "50", "-l", "2", path, Path.Combine(folder, name)]);
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"pdftoppm could not render {name}.pdf: the PDF is not readable by poppler");
        var pages = Directory.GetFiles(folder, name + "-*.png");
        Assert.IsNotEmpty(pages);
        foreach (var png in pages)
        {
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            var dark = 0;
            for (var y = 0; y < bitmap.Height; y += 2)
            {
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
                }
            }
            Assert.IsGreaterThan(bitmap.Width * bitmap.Height / 4 / 200, dark, $"{Path.GetFileName(png)} shows ink on at least 0.5% of the page");
        }
        return pages;
    }
}
