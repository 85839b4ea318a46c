namespace Terminal.Host.Reports.Pdf;

/// <summary>A PDF's title (metadata), the running title printed at the top of each page, its subject, and when it was made.</summary>
public sealed record PdfInfo(string Title, string RunningTitle, DateTimeOffset Created, string? Subject = null);
