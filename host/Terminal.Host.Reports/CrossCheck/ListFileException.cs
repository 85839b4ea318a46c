namespace Terminal.Host.Reports.CrossCheck;

/// <summary>A list file that cannot be read at all (not CSV/XLSX, damaged, empty); the message says so in Chinese.</summary>
public sealed class ListFileException(string message, Exception? inner = null) : Exception(message, inner);
