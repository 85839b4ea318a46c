using System.Buffers.Binary;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// Cuts a TrueType font (one face of a .ttf or .ttc) down to the glyphs a document uses, keeping every glyph id, so
/// the cut font draws exactly as the whole one: the outlines ('glyf') of unused glyphs are emptied and 'loca' rebuilt;
/// the layout and vertical tables ('GSUB', 'GPOS', 'GDEF', 'vhea', 'vmtx', …) are dropped and 'post' is reduced to
/// version 3 (no glyph names). SkiaSharp's PDF document embeds a typeface whole (its native build has no subsetter:
/// measured, a page of text embedded all 5 MB of WenQuanYi Micro Hei), so the host embeds this cut font instead.
/// Layout per the OpenType specification, chapters 'glyf', 'loca', 'head', 'post' and the font file (TTC) header.
/// </summary>
public static class TrueTypeSubset
{
    private const uint TtcTag = 0x74746366; // 'ttcf'
    private const uint HeadMagicAdjustment = 0xB1B0AFBA;
    private const int HeadCheckSumAdjustmentOffset = 8;
    private const int HeadIndexToLocFormatOffset = 50;
    private const int MaxpNumGlyphsOffset = 4;

    // composite glyph component flags ('glyf' chapter)
    private const ushort Arg1And2AreWords = 0x0001;
    private const ushort WeHaveAScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort WeHaveAnXAndYScale = 0x0040;
    private const ushort WeHaveATwoByTwo = 0x0080;

    /// <summary>The tables kept (others are not needed to draw glyphs by id).</summary>
    private static readonly HashSet<string> Kept = ["cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post", "prep"];

    /// <summary>True when the face has TrueType outlines ('glyf'), which this class can cut.</summary>
    public static bool CanSubset(ReadOnlySpan<byte> file, int faceIndex) => Tables(file, faceIndex).ContainsKey("glyf");

    /// <summary>
    /// The face <paramref name="faceIndex"/> of <paramref name="file"/> as a standalone TrueType font holding only the
    /// outlines of <paramref name="glyphs"/> (plus .notdef and the parts of composite glyphs). Throws
    /// <see cref="FormatException"/> when the file is not a TrueType font this can read.
    /// </summary>
    public static byte[] Subset(ReadOnlySpan<byte> file, int faceIndex, IEnumerable<ushort> glyphs)
    {
        var tables = Tables(file, faceIndex);
        if (!tables.TryGetValue("glyf", out var glyfRange) || !tables.TryGetValue("loca", out var locaRange)
            || !tables.TryGetValue("head", out var headRange) || !tables.TryGetValue("maxp", out var maxpRange))
        {
            throw new FormatException("the font has no TrueType outlines (glyf/loca/head/maxp)");
        }
        var head = file.Slice(headRange.Offset, headRange.Length);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[HeadIndexToLocFormatOffset..]) == 1;
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(file[(maxpRange.Offset + MaxpNumGlyphsOffset)..]);
        var loca = file.Slice(locaRange.Offset, locaRange.Length);
        var glyf = file.Slice(glyfRange.Offset, glyfRange.Length);
        var starts = new int[numGlyphs + 1];
        for (var g = 0; g <= numGlyphs; g++)
        {
            starts[g] = longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * g)..]) : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * g)..]);
        }
        int Start(int g) => starts[g];

        var keep = new bool[numGlyphs];
        var pending = new Stack<int>(glyphs.Select(g => (int)g).Where(g => g < numGlyphs).Append(0));
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (keep[g])
            {
                continue;
            }
            keep[g] = true;
            var (start, end) = (Start(g), Start(g + 1));
            if (end - start >= 10 && BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) < 0)
            {
                foreach (var part in Components(glyf[start..end]))
                {
                    if (part < numGlyphs)
                    {
                        pending.Push(part);
                    }
                }
            }
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (numGlyphs + 1)];
        for (var g = 0; g < numGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)newGlyf.Length);
            if (keep[g])
            {
                newGlyf.Write(glyf[Start(g)..Start(g + 1)]);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * numGlyphs), (uint)newGlyf.Length);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, range) in tables)
        {
            if (Kept.Contains(tag))
            {
                output[tag] = file.Slice(range.Offset, range.Length).ToArray();
            }
        }
        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        BinaryPrimitives.WriteInt16BigEndian(output["head"].AsSpan(HeadIndexToLocFormatOffset), 1);
        if (output.TryGetValue("post", out var post) && post.Length >= 32)
        {
            var post3 = post[..32];
            BinaryPrimitives.WriteUInt32BigEndian(post3, 0x00030000);
            output["post"] = post3;
        }
        return Assemble(output);
    }

    /// <summary>The glyph ids a composite glyph is made of.</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var parts = new List<int>();
        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            parts.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & Arg1And2AreWords) != 0 ? 4 : 2);
            at += (flags & WeHaveATwoByTwo) != 0 ? 8 : (flags & WeHaveAnXAndYScale) != 0 ? 4 : (flags & WeHaveAScale) != 0 ? 2 : 0;
            if ((flags & MoreComponents) == 0)
            {
                break;
            }
        }
        return parts;
    }

    /// <summary>The table directory of one face: tag → (offset, length) in the file.</summary>
    private static Dictionary<string, (int Offset, int Length)> Tables(ReadOnlySpan<byte> file, int faceIndex)
    {
        if (file.Length < 12)
        {
            throw new FormatException("the font file is too short");
        }
        var offset = 0;
        if (BinaryPrimitives.ReadUInt32BigEndian(file) == TtcTag)
        {
            var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(file[8..]);
            if (faceIndex < 0 || faceIndex >= faces || 12 + 4 * faces > file.Length)
            {
                throw new FormatException($"the font collection has {faces} faces, not face {faceIndex}");
            }
            offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file[(12 + 4 * faceIndex)..]);
        }
        else if (faceIndex != 0)
        {
            throw new FormatException("a single font file has only face 0");
        }
        var count = BinaryPrimitives.ReadUInt16BigEndian(file[(offset + 4)..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = file.Slice(offset + 12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (start < 0 || length < 0 || (long)start + length > file.Length)
            {
                throw new FormatException($"the font's table {tag} lies outside the file");
            }
            tables[tag] = (start, length);
        }
        return tables;
    }

    /// <summary>A font file of these tables: directory, 4-byte aligned tables, checksums, head's adjustment.</summary>
    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = 16 * (1 << entrySelector);
        var headerLength = 12 + 16 * count;
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(16 * count - searchRange));
        tables["head"].AsSpan(HeadCheckSumAdjustmentOffset, 4).Clear();
        var at = headerLength;
        var i = 0;
        var headAt = 0;
        foreach (var (tag, data) in tables)
        {
            var entry = font.AsSpan(12 + 16 * i++, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], CheckSum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            data.CopyTo(font, at);
            if (tag == "head")
            {
                headAt = at;
            }
            at += (data.Length + 3) & ~3;
        }
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + HeadCheckSumAdjustmentOffset), unchecked(HeadMagicAdjustment - CheckSum(font)));
        return font;
    }

    private static uint CheckSum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }
}
