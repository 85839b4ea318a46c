using SkiaSharp;

namespace Terminal.Host.Reports.Pdf;

/// <summary>One column of a <see cref="PdfTable"/>: its heading, share of the width, and alignment.</summary>
public sealed record PdfColumn(string Heading, float Weight, SKTextAlign Align = SKTextAlign.Left);
