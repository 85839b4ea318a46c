using ClosedXML.Excel;
using Terminal.Host.Reports.Data;

namespace Terminal.Host.Reports.Exports;

/// <summary>
/// The district's summary data (汇总数据) as an XLSX workbook (ClosedXML): a sheet "说明" naming the district, the
/// dates and the code tables; one sheet per count table (代码, 名称, 人数) and the quality figures; and, when the host
/// passes them, a sheet "采集对象明细" with one row per subject in the national code tables (<see cref="SubjectRow"/>),
/// streamed by <see cref="SubjectsSheetWriter"/>.
/// Every text cell is neutralised against formula injection (<see cref="SpreadsheetText"/>); counts are numbers.
/// </summary>
public static class SummaryWorkbook
{
    /// <summary>The name of the subjects' sheet.</summary>
    public const string SubjectsSheet = "采集对象明细";

    /// <summary>Writes the workbook to <paramref name="output"/> (left open); returns the rows of subjects written.</summary>
    public static int Write(CollectionReportData data, IEnumerable<SubjectRow>? subjects, Stream output, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"{data.DistrictName}退役军人和其他优抚对象信息采集汇总数据";
        workbook.Properties.Author = "退役军人和其他优抚对象信息采集终端系统";
        workbook.Properties.Created = created.UtcDateTime;

        var about = workbook.Worksheets.Add("说明");
        var lines = new (string, string)[]
        {
            ("行政区划", $"{data.DistrictName}（{data.DistrictCode}）"),
            ("统计截至", data.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("采集标准时点", data.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("采集对象人数", data.Subjects.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("说明", "对象类别、诉求方面可复选，其合计可大于采集对象人数；年龄为截至标准时点的周岁。"),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            Text(about.Cell(i + 1, 1), lines[i].Item1);
            Text(about.Cell(i + 1, 2), lines[i].Item2);
        }
        var row = lines.Length + 2;
        Text(about.Cell(row++, 1), "代码表");
        foreach (var (title, codeTable, _) in data.Tables())
        {
            Text(about.Cell(row, 1), title);
            Text(about.Cell(row++, 2), codeTable);
        }
        about.Column(1).Width = 16;
        about.Column(2).Width = 70;

        foreach (var (title, _, rows) in data.Tables())
        {
            var sheet = workbook.Worksheets.Add(title);
            Heading(sheet, "代码", "名称", "人数");
            var r = 2;
            foreach (var count in rows)
            {
                Text(sheet.Cell(r, 1), count.Code);
                Text(sheet.Cell(r, 2), count.Name);
                sheet.Cell(r++, 3).Value = count.Count;
            }
            Text(sheet.Cell(r, 2), "合计");
            sheet.Cell(r, 3).Value = rows.Sum(x => x.Count);
            sheet.Column(1).Width = 14;
            sheet.Column(2).Width = 30;
            sheet.Column(3).Width = 10;
        }

        var quality = workbook.Worksheets.Add("数据质量");
        Heading(quality, "项目", "记录数");
        var q = 2;
        foreach (var (name, count) in data.Quality.Lines())
        {
            Text(quality.Cell(q, 1), name);
            quality.Cell(q++, 2).Value = count;
        }
        quality.Column(1).Width = 24;

        if (subjects is not null)
        {
            workbook.Worksheets.Add(SubjectsSheet); // filled after saving, streamed (SubjectsSheetWriter)
        }
        if (subjects is null)
        {
            workbook.SaveAs(output);
            return 0;
        }
        using var package = new MemoryStream();
        workbook.SaveAs(package);
        var written = SubjectsSheetWriter.Fill(package, SubjectsSheet, subjects);
        package.Position = 0;
        package.CopyTo(output);
        return written;
    }

    /// <summary>A text cell: neutralised, and typed as text so a code such as "01" keeps its leading zero.</summary>
    internal static void Text(IXLCell cell, string? text)
    {
        cell.SetValue(SpreadsheetText.Neutralise(text));
        cell.DataType = XLDataType.Text;
    }

    private static void Heading(IXLWorksheet sheet, params string[] headings)
    {
        for (var i = 0; i < headings.Length; i++)
        {
            Text(sheet.Cell(1, i + 1), headings[i]);
        }
        var row = sheet.Row(1);
        row.Style.Font.Bold = true;
        row.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDD, 0xE4, 0xEE);
    }
}
