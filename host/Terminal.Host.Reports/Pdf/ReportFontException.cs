namespace Terminal.Host.Reports.Pdf;

/// <summary>No usable CJK font: the message says in Chinese what to install or set.</summary>
public sealed class ReportFontException(string message) : Exception(message);
