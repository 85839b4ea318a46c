using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Sylvan.Data.Csv;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>
/// Reads a department's list file into a <see cref="ListTable"/>: CSV (UTF-8, with or without a byte-order mark, or
/// GB18030/GBK as Excel and WPS save CSV on Chinese Windows) or XLSX (the first worksheet; date cells as yyyy-MM-dd,
/// numbers as written, so an ID number stored as a number keeps its digits). A row with a different number of cells
/// than the heading is a problem of that row for the parser; a file that cannot be read throws
/// <see cref="ListFileException"/>.
/// </summary>
public static class ListFileReader
{
    /// <summary>Numbers from here on have more digits than a spreadsheet's double keeps exactly (15 significant).</summary>
    private const double ExactDigitsLimit = 1e15;

    /// <summary>Most data rows a list may have.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>Reads the file; <paramref name="fileName"/> decides the kind by its extension (.csv, .txt or .xlsx).</summary>
    public static ListTable Read(Stream file, string fileName)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(file),
            ".xlsx" or ".xlsm" => ReadXlsx(file),
            ".xls" => throw new ListFileException("不支持旧版Excel文件（.xls）：请在Excel或WPS中“另存为”.xlsx或.csv后再导入。"),
            _ => throw new ListFileException($"文件“{fileName}”不是CSV或XLSX文件：请导入.csv或.xlsx文件。"),
        };
    }

    private static ListTable ReadCsv(Stream file)
    {
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        var text = Decode(copy.ToArray());
        using var reader = new StringReader(text);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        }
        catch (CsvMissingHeadersException)
        {
            throw new ListFileException("文件是空的：第一行应为列名。");
        }
        using var reading = csv;
        var headings = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
        var rows = new List<ListRow>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            if (rows.Count >= MaxRows)
            {
                throw new ListFileException($"名单超过{MaxRows:N0}行：请分成几个文件导入。");
            }
            var cells = new string[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i).Trim();
            }
            rows.Add(new ListRow(line, cells));
        }
        return new ListTable(headings, rows);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), else GB18030.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static ListTable ReadXlsx(Stream file)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(file);
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new ListFileException("XLSX文件无法打开：文件可能已损坏或不是Excel文件，请在Excel或WPS中打开后重新保存。", e);
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault() ?? throw new ListFileException("XLSX文件中没有工作表。");
            var used = sheet.RangeUsed() ?? throw new ListFileException("第一个工作表是空的：第一行应为列名。");
            var firstRow = used.FirstRow().RowNumber();
            var lastRow = used.LastRow().RowNumber();
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            if (lastRow - firstRow > MaxRows)
            {
                throw new ListFileException($"名单超过{MaxRows:N0}行：请分成几个文件导入。");
            }
            var headings = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => CellText(sheet.Cell(firstRow, c))).ToArray();
            var rows = new List<ListRow>();
            var problems = new List<RowProblem>();
            for (var r = firstRow + 1; r <= lastRow; r++)
            {
                var cells = new string[headings.Length];
                for (var c = 0; c < cells.Length; c++)
                {
                    var cell = sheet.Cell(r, firstColumn + c);
                    cells[c] = CellText(cell);
                    if (cell.DataType == XLDataType.Number && Math.Abs(cell.GetDouble()) >= ExactDigitsLimit)
                    {
                        problems.Add(new RowProblem(r, headings[c],
                            $"这个单元格是数字格式，Excel只保留15位有效数字，{cells[c].Length}位的号码（如身份证号码）末几位已被改为0：请把这一列设为“文本”格式，重新填入号码后再导入。"));
                    }
                }
                rows.Add(new ListRow(r, cells));
            }
            return new ListTable(headings, rows) { CellProblems = problems };
        }
    }

    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }
        return cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
            _ => cell.GetString().Trim(),
        };
    }
}
