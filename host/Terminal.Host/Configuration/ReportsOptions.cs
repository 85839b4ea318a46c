namespace Terminal.Host.Configuration;

/// <summary>The reports' settings (section "Reports"): the CJK font the PDFs embed.</summary>
public sealed class ReportsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>
    /// A TrueType/OpenType font file (.ttf/.ttc) with Chinese, absolute. Empty: the first CJK font found in the
    /// known places (wqy-microhei of Debian's fonts-wqy-microhei, Noto Sans CJK, Windows' msyh/simsun).
    /// </summary>
    public string FontPath { get; set; } = "";

    /// <summary>The face in a .ttc collection (0 for a .ttf).</summary>
    public int FontIndex { get; set; }
}
