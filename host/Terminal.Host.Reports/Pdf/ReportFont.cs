using System.Text;
using SkiaSharp;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// The CJK font every PDF of the host is drawn with, loaded from a file (SkiaSharp's Linux build has no font lookup,
/// and text in its default typeface is silently invisible: libs.md §3). SkiaSharp's PDF document embeds it as a
/// subset of the glyphs used. Found in the Debian packages' places (fonts-wqy-microhei, fonts-noto-cjk,
/// fonts-wqy-zenhei) or Windows' fonts folder, or named in the settings; a font that lacks Chinese or Latin glyphs is
/// refused (Droid Sans Fallback has no Latin: libs.md §2).
/// </summary>
public sealed class ReportFont : IDisposable
{
    /// <summary>Where a CJK font is looked for, with the face index inside a collection (.ttc), in order.</summary>
    public static readonly IReadOnlyList<(string Path, int Index)> KnownLocations =
    [
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2), // face 2 = Noto Sans CJK SC
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        (@"C:\Windows\Fonts\msyh.ttc", 0),
        (@"C:\Windows\Fonts\simsun.ttc", 0),
    ];

    /// <summary>Characters every report prints: Chinese, Latin letters and digits.</summary>
    private const string ProbeText = "退役军人信息采集报告ABCxyz0123456789（）：%";

    private ReportFont(SKTypeface typeface, string path, int index)
    {
        Typeface = typeface;
        Path = path;
        Index = index;
    }

    /// <summary>The face's index in its file (0 for a .ttf).</summary>
    public int Index { get; }

    /// <summary>The loaded face.</summary>
    public SKTypeface Typeface { get; }

    /// <summary>The file it was loaded from.</summary>
    public string Path { get; }

    /// <summary>The face's family name, as the PDF names the embedded font.</summary>
    public string FamilyName => Typeface.FamilyName;

    /// <summary>
    /// Loads the font named in the settings (<paramref name="path"/>, face <paramref name="index"/>), or the first of
    /// <see cref="KnownLocations"/> present. Throws <see cref="ReportFontException"/> saying in Chinese what to install.
    /// </summary>
    public static ReportFont Find(string? path = null, int index = 0)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                throw new ReportFontException($"设置中指定的字体文件“{path}”不存在：请检查路径，或删去该设置以使用系统中的中文字体。");
            }
            return Load(path, index);
        }
        foreach (var (candidate, face) in KnownLocations)
        {
            if (File.Exists(candidate))
            {
                return Load(candidate, face);
            }
        }
        throw new ReportFontException(
            "找不到中文字体，无法生成PDF：请安装文泉驿微米黑字体（Debian/Ubuntu：apt-get install fonts-wqy-microhei），" +
            "或在设置中指定一个含中文和英文字母的字体文件（.ttf/.ttc）。");
    }

    /// <summary>Loads one face of a font file and checks it can print Chinese, Latin letters and digits.</summary>
    public static ReportFont Load(string path, int index)
    {
        var typeface = SKTypeface.FromFile(path, index)
            ?? throw new ReportFontException($"字体文件“{path}”（第{index}个字形集）无法读取：文件可能已损坏，请重新安装字体。");
        using var font = new SKFont(typeface, 12);
        var glyphs = font.GetGlyphs(ProbeText);
        var missing = ProbeText.Where((c, i) => glyphs[i] == 0).Distinct().ToArray();
        if (missing.Length > 0)
        {
            typeface.Dispose();
            throw new ReportFontException(
                $"字体“{path}”缺少这些字：{string.Join("", missing)}，PDF中会显示为空白：请改用文泉驿微米黑（fonts-wqy-microhei）。");
        }
        return new ReportFont(typeface, path, index);
    }

    /// <summary>The characters of <paramref name="text"/> this font has no glyph for, each once (empty when it has all).</summary>
    public string MissingCharacters(string text)
    {
        using var font = new SKFont(Typeface, 12);
        var missing = new StringBuilder();
        var seen = new HashSet<Rune>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (seen.Add(rune) && !Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && !font.ContainsGlyphs(rune.ToString()))
            {
                missing.Append(rune.ToString());
            }
        }
        return missing.ToString();
    }

    /// <summary>
    /// A typeface that holds only the glyphs of <paramref name="text"/> (same glyph ids and metrics as the whole
    /// face), for embedding in a PDF; the whole face when its outlines are not TrueType (CFF fonts such as Noto
    /// Sans CJK cannot be cut here and are embedded whole). The caller disposes it.
    /// </summary>
    public SKTypeface SubsetFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var file = _file ??= File.ReadAllBytes(Path);
        if (!TrueTypeSubset.CanSubset(file, Index))
        {
            return SKTypeface.FromFile(Path, Index) ?? throw new ReportFontException($"字体文件“{Path}”无法读取：请重新安装字体。");
        }
        using var font = new SKFont(Typeface, 12);
        var glyphs = font.GetGlyphs(text);
        var cut = TrueTypeSubset.Subset(file, Index, glyphs.Distinct());
        using var data = SKData.CreateCopy(cut);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("the font subset could not be loaded");
    }

    private byte[]? _file;

    /// <inheritdoc/>
    public void Dispose() => Typeface.Dispose();
}
