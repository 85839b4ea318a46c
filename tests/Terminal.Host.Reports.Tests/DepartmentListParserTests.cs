using System.Text;
using ClosedXML.Excel;
using Terminal.Host.Reports.CrossCheck;
using Terminal.Testing;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class DepartmentListParserTests
{
    private static readonly DateOnly Today = new(2018, 12, 1);

    internal static readonly ColumnMapping CivilAffairs = new()
    {
        Department = Department.CivilAffairs,
        Columns = new Dictionary<ListField, string>
        {
            [ListField.IdNumber] = "公民身份号码", [ListField.Name] = "姓名", [ListField.BirthDate] = "出生年月日",
            [ListField.Category] = "优抚类别", [ListField.Address] = "家庭住址", [ListField.DeathDate] = "死亡日期",
        },
    };

    private static readonly string Id1965 = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));

    private static ListImport Import(string csv, ColumnMapping? mapping = null, Encoding? encoding = null)
    {
        using var file = new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv));
        return DepartmentListParser.Parse(ListFileReader.Read(file, "民政名单.csv"), mapping ?? CivilAffairs, "民政名单.csv", Today);
    }

    [TestMethod]
    public void Parse_GoodCsv_ImportsEveryRowWithUpgraded15DigitNumbers()
    {
        var import = Import($"""
            公民身份号码,姓名,出生年月日,优抚类别,家庭住址,死亡日期
            {Id1965},张建国,1965年3月12日,退役士兵、残疾军人,"新疆乌鲁木齐市水磨沟区南湖北路123号",
            370802940221002,王芳,1994/2/21,9,南湖南路5号,
            ,李秀英,19400105,（11）病故军人遗属,,2017-06-30

            """);
        Assert.IsTrue(import.Succeeded, string.Join("\n", import.Problems.Select(p => p.Message)));
        var entries = import.List!.Entries;
        Assert.HasCount(3, entries);
        Assert.AreEqual("370802199402210029", entries[1].IdNumber!.Value, "15 digits upgraded by GB 11643");
        Assert.AreEqual(new DateOnly(1940, 1, 5), entries[2].BirthDate);
        Assert.AreEqual(new DateOnly(2017, 6, 30), entries[2].DeathDate);
        Assert.AreEqual("2,7", entries[0].Categories!.Value.ToString());
        Assert.AreEqual(4, entries[2].Row, "rows are numbered as in the file, the heading being row 1");
    }

    [TestMethod]
    public void Parse_MalformedRows_ReportsEachByRowWithTheReasonAndImportsNothing()
    {
        var import = Import($"""
            公民身份号码,姓名,出生年月日,优抚类别,家庭住址,死亡日期
            {Id1965},张建国,1965-03-12,退役士兵,南湖北路123号,
            650105196503120132,王芳,1965-03-12,退役士兵,,
            ,李秀英,1940-13-05,,,
            {Id1965},张建国,1965-03-12,退役士兵,南湖北路123号,
            ,赵磊,1970-01-01,炊事员,,
            ,孙丽,1970-01-01,,多出一列,,
            ,,1950-01-01,,,

            """);
        Assert.IsFalse(import.Succeeded);
        Assert.IsNull(import.List, "nothing is half-imported");
        var messages = import.Problems.Select(p => p.Message).ToList();
        Assert.HasCount(6, messages, string.Join("\n", messages));
        StringAssert.StartsWith(messages[0], "第3行“公民身份号码”：");
        StringAssert.Contains(messages[0], "校验码");
        StringAssert.StartsWith(messages[1], "第4行“出生年月日”：“1940-13-05”不是日期");
        StringAssert.StartsWith(messages[2], "第5行“公民身份号码”：");
        StringAssert.Contains(messages[2], "与第2行重复");
        StringAssert.StartsWith(messages[3], "第6行“优抚类别”：“炊事员”不是十二类对象之一");
        StringAssert.StartsWith(messages[4], "第7行：这一行有7个单元格");
        StringAssert.StartsWith(messages[5], "第8行“姓名”：姓名是空的");
    }

    [TestMethod]
    public void Parse_MappedColumnMissing_IsReportedOnTheHeadingRow()
    {
        var import = Import("身份证号,姓名\r\n" + Id1965 + ",张建国\r\n");
        Assert.IsFalse(import.Succeeded);
        StringAssert.StartsWith(import.Problems[0].Message, "第1行：找不到列“公民身份号码”（对应“身份证号码”）");
    }

    [TestMethod]
    public void Read_GbkCsv_DecodesTheChinese()
    {
        var gbk = CodePages();
        var import = Import($"公民身份号码,姓名,出生年月日,优抚类别,家庭住址,死亡日期\r\n{Id1965},张建国,1965-03-12,退役士兵,南湖北路123号,\r\n", encoding: gbk);
        Assert.IsTrue(import.Succeeded, string.Join("\n", import.Problems.Select(p => p.Message)));
        Assert.AreEqual("张建国", import.List!.Entries[0].Name);
    }

    [TestMethod]
    public void Read_Xlsx_TakesTheFirstSheetWithDateAndTextCells()
    {
        using var file = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("人武部");
            sheet.Cell(1, 1).SetValue("姓名");
            sheet.Cell(1, 2).SetValue("身份证");
            sheet.Cell(1, 3).SetValue("出生日期");
            sheet.Cell(2, 1).SetValue("张建国");
            sheet.Cell(2, 2).SetValue(Id1965);
            sheet.Cell(2, 3).SetValue(new DateTime(1965, 3, 12));
            workbook.SaveAs(file);
        }
        file.Position = 0;
        var mapping = new ColumnMapping
        {
            Department = Department.MilitaryDepartment,
            Columns = new Dictionary<ListField, string> { [ListField.Name] = "姓名", [ListField.IdNumber] = "身份证", [ListField.BirthDate] = "出生日期" },
        };
        var import = DepartmentListParser.Parse(ListFileReader.Read(file, "人武部.xlsx"), mapping, "人武部.xlsx", Today);
        Assert.IsTrue(import.Succeeded, string.Join("\n", import.Problems.Select(p => p.Message)));
        Assert.AreEqual(new DateOnly(1965, 3, 12), import.List!.Entries[0].BirthDate);
        Assert.AreEqual(2, import.List.Entries[0].Row);
    }

    [TestMethod]
    public void Parse_XlsxIdNumberStoredAsANumber_IsReportedAsRoundedByExcel()
    {
        using var file = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("名单");
            sheet.Cell(1, 1).SetValue("姓名");
            sheet.Cell(1, 2).SetValue("身份证");
            sheet.Cell(2, 1).SetValue("张建国");
            sheet.Cell(2, 2).SetValue(650105196503120131d);
            workbook.SaveAs(file);
        }
        file.Position = 0;
        var mapping = new ColumnMapping
        {
            Department = Department.HumanResources,
            Columns = new Dictionary<ListField, string> { [ListField.Name] = "姓名", [ListField.IdNumber] = "身份证" },
        };
        var import = DepartmentListParser.Parse(ListFileReader.Read(file, "人社.xlsx"), mapping, "人社.xlsx", Today);
        Assert.IsFalse(import.Succeeded);
        var problem = import.Problems.Single();
        StringAssert.StartsWith(problem.Message, "第2行“身份证”：这个单元格是数字格式");
        StringAssert.Contains(problem.Message, "“文本”格式");
    }

    [TestMethod]
    public void Read_NotAListFile_SaysWhatToDoInChinese()
    {
        using var file = new MemoryStream([1, 2, 3]);
        StringAssert.Contains(Assert.ThrowsExactly<ListFileException>(() => ListFileReader.Read(file, "名单.xls")).Message, "另存为");
        StringAssert.Contains(Assert.ThrowsExactly<ListFileException>(() => ListFileReader.Read(file, "名单.xlsx")).Message, "无法打开");
        StringAssert.Contains(Assert.ThrowsExactly<ListFileException>(() => ListFileReader.Read(file, "名单.doc")).Message, "不是CSV或XLSX");
    }

    [TestMethod]
    public void MappingStore_SavedMapping_IsReadBackForTheNextList()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cross-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new ColumnMappingStore(folder);
            Assert.IsNull(store.Load(Department.CivilAffairs));
            store.Save(CivilAffairs);
            var loaded = store.Load(Department.CivilAffairs)!;
            Assert.AreEqual(Department.CivilAffairs, loaded.Department);
            CollectionAssert.AreEquivalent(CivilAffairs.Columns.ToList(), loaded.Columns.ToList());
            Assert.IsFalse(Directory.GetFiles(folder).Any(f => f.EndsWith(".tmp", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Mapping_WithoutNameOrAWayToMatch_IsRefused()
    {
        var mapping = new ColumnMapping { Department = Department.MedicalInsurance, Columns = new Dictionary<ListField, string> { [ListField.Address] = "地址" } };
        var problems = mapping.Problems();
        Assert.HasCount(2, problems);
        Assert.ThrowsExactly<ArgumentException>(() => new ColumnMappingStore(Path.GetTempPath()).Save(mapping));
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
