using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsCheck;
using Terminal.Host.Reports.Exports;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class ExportTests
{
    private static readonly DateTimeOffset Created = new(2018, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [TestMethod]
    [DataRow("=HYPERLINK(\"http://x\",\"点我\")", "'=HYPERLINK(\"http://x\",\"点我\")")]
    [DataRow("+1+2", "'+1+2")]
    [DataRow("-2+3", "'-2+3")]
    [DataRow("@SUM(A1)", "'@SUM(A1)")]
    [DataRow("\t=1", "'\t=1")]
    [DataRow("\r=1", "'\r=1")]
    [DataRow("张建国", "张建国")]
    [DataRow("650105196503120131", "650105196503120131")]
    [DataRow("", "")]
    public void Neutralise_FormulaStart_GetsAnApostrophe(string text, string expected) =>
        Assert.AreEqual(expected, SpreadsheetText.Neutralise(text));

    [TestMethod]
    public void Neutralise_AnyText_NeverStartsWithAFormulaCharacterAndKeepsTheText() =>
        Gen.String.Sample(s =>
        {
            var n = SpreadsheetText.Neutralise(s);
            return (n.Length == 0 || Array.IndexOf(SpreadsheetText.FormulaStarts, n[0]) < 0) && (n == s || n == "'" + s);
        });

    [TestMethod]
    public void SummaryWorkbook_ReadBack_HoldsTheCountsInCodesAndNeutralisedText()
    {
        var data = ReportSamples.Data(120);
        var subjects = Enumerable.Range(0, 120).Select(i => SubjectRow.From(ReportSamples.Subject(i))).ToList();
        subjects[3] = subjects[3] with { Name = "=CMD|' /C calc'!A0", Address = "@SUM(1+1)*cmd|' /C calc'!A0" };
        using var xlsx = new MemoryStream();
        var written = SummaryWorkbook.Write(data, subjects, xlsx, Created);
        Assert.AreEqual(120, written);
        File.WriteAllBytes(Path.Combine(ReportSamples.OutputFolder(), "summary.xlsx"), xlsx.ToArray());

        xlsx.Position = 0;
        using var workbook = new XLWorkbook(xlsx);
        var categories = workbook.Worksheet("按对象类别");
        Assert.AreEqual("代码", categories.Cell(1, 1).GetString());
        Assert.AreEqual("7", categories.Cell(8, 1).GetString());
        Assert.AreEqual("残疾军人", categories.Cell(8, 2).GetString());
        Assert.AreEqual(data.ByCategory[6].Count, categories.Cell(8, 3).GetValue<long>());
        var nations = workbook.Worksheet("按民族");
        Assert.AreEqual("01", nations.Cell(2, 1).GetString(), "GB/T 3304 codes keep their leading zero");
        Assert.AreEqual("汉族", nations.Cell(2, 2).GetString());

        var rows = workbook.Worksheet(SummaryWorkbook.SubjectsSheet);
        Assert.AreEqual(121, rows.LastRowUsed()!.RowNumber());
        Assert.AreEqual(subjects[0].IdNumber, rows.Cell(2, 3).GetString());
        var injected = rows.Cell(5, 4);
        Assert.IsFalse(injected.HasFormula, "a name beginning with = is not a formula");
        Assert.AreEqual("'=CMD|' /C calc'!A0", injected.GetString());
        Assert.AreEqual("'@SUM(1+1)*cmd|' /C calc'!A0", rows.Cell(5, 15).GetString());
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.IsFalse(sheet.CellsUsed().Any(c => c.HasFormula), $"no formula anywhere ({sheet.Name})");
        }
    }

    [TestMethod]
    public void CityPackage_AsWritten_VerifiesAndHoldsTheDocumentedFiles()
    {
        var data = ReportSamples.Data(50);
        var subjects = Enumerable.Range(0, 50).Select(i => SubjectRow.From(ReportSamples.Subject(i))).ToList();
        subjects[0] = subjects[0] with { Address = "-1+2,\"住址\"" };
        using var zip = new MemoryStream();
        var files = CityUploadPackage.Write(data, subjects, [1, 2, 3], null, "office-01", Created, zip);
        Assert.IsTrue(files.Any(f => f.Path == "data/subjects.csv" && f.Rows == 50));
        zip.Position = 0;
        Assert.HasCount(0, CityUploadPackage.Verify(zip));

        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var names = archive.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[] { "manifest.json", "SHA256SUMS", "data/by-category.csv", "data/by-street.csv", "data/by-collection-point.csv",
            "data/by-ethnic-group.csv", "data/by-age-band.csv", "data/by-appeal-topic.csv", "data/quality.csv", "data/subjects.csv", "summary.xlsx" })
        {
            Assert.Contains(expected, names);
        }
        var subjectsCsv = Read(archive, "data/subjects.csv");
        StringAssert.StartsWith(subjectsCsv, "\uFEFF记录编号,", "UTF-8 with a byte-order mark, heading first");
        StringAssert.Contains(subjectsCsv, ",\"'-1+2,\"\"住址\"\"\",", "neutralised and quoted");
        var manifest = Read(archive, "manifest.json");
        StringAssert.Contains(manifest, "\"exportedBy\": \"office-01\"");
        StringAssert.Contains(manifest, "\"name\": \"新疆维吾尔自治区乌鲁木齐市水磨沟区\"");
    }

    [TestMethod]
    public void CityPackage_OneByteChanged_FailsVerificationNamingTheFile()
    {
        using var zip = new MemoryStream();
        CityUploadPackage.Write(ReportSamples.Data(10), null, null, null, "office-01", Created, zip);
        // rebuild the package with one data file altered and everything else as it was
        using var altered = new MemoryStream();
        zip.Position = 0;
        using (var source = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(altered, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var bytes = Encoding.UTF8.GetBytes(Read(source, entry.FullName));
                if (entry.FullName == "data/by-street.csv")
                {
                    bytes = Encoding.UTF8.GetBytes(Read(source, entry.FullName).Replace(",0\r\n", ",1\r\n", StringComparison.Ordinal));
                }
                using var s = target.CreateEntry(entry.FullName).Open();
                s.Write(bytes);
            }
        }
        altered.Position = 0;
        var problems = CityUploadPackage.Verify(altered);
        Assert.IsTrue(problems.Any(p => p.StartsWith("data/by-street.csv：SHA-256", StringComparison.Ordinal)), string.Join("\n", problems));
    }

    [TestMethod]
    public void CityPackage_NotAZip_IsReportedInChinese()
    {
        using var junk = new MemoryStream(Encoding.UTF8.GetBytes("这不是压缩包"));
        var problems = CityUploadPackage.Verify(junk);
        StringAssert.Contains(problems.Single(), "不是有效的zip");
    }

    private static string Read(ZipArchive archive, string path)
    {
        using var reader = new StreamReader(archive.GetEntry(path)!.Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}
