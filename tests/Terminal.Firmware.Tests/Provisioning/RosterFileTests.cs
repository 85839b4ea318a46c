using System.Text;
using Terminal.Firmware.Provisioning;

namespace Terminal.Firmware.Tests.Provisioning;

[TestClass]
public sealed class RosterFileTests
{
    private static readonly DateOnly AsOf = new(2018, 11, 5);

    private static (IReadOnlyList<Terminal.Storage.Store.InitialDataEntry> Entries, IReadOnlyList<RosterProblem> Problems) Read(string text) =>
        RosterFile.Read(new StringReader(text), AsOf);

    [TestMethod]
    public void Read_SampleRoster_GivesEveryEntryWithItsFormFields()
    {
        var (entries, problems) = RosterFile.Read(Path.Combine(AppContext.BaseDirectory, "sample-roster.csv"), AsOf);
        Assert.IsEmpty(problems, string.Join("\n", problems));
        Assert.HasCount(4, entries);
        var zhang = entries.Single(e => e.Name == "张建国");
        Assert.AreEqual("650105196503120019", zhang.IdNumber);
        Assert.AreEqual("1983-10-01", zhang.Values["personal.enlistmentDate"]);
        Assert.IsFalse(entries.Single(e => e.Name == "李𠮷㛃").Values.ContainsKey("personal.enlistmentDate"), "empty cells are left out");
    }

    [TestMethod]
    public void Read_BadLines_RefusesTheWholeFileNamingEachLine()
    {
        var (entries, problems) = Read("""
            身份证号码,姓名
            650105196503120019,张建国
            650105196503120018,王五
            650105196503120019,张建国
            650105195208170035,
            650105195208170035,阿不都,多余
            """);
        Assert.IsEmpty(entries, "nothing is loaded from a file with a bad line");
        CollectionAssert.AreEqual(new[] { 3, 4, 5, 6 }, problems.Select(p => p.Line).ToArray(), string.Join("\n", problems));
        StringAssert.Contains(problems[0].ToString(), "第3行：");
        StringAssert.Contains(problems[0].Message, "校验码");
        StringAssert.Contains(problems[1].Message, "与第2行重复");
        StringAssert.Contains(problems[2].Message, "姓名为空");
        StringAssert.Contains(problems[3].Message, "这一行有3列，第一行有2列");
    }

    [TestMethod]
    [DataRow("姓名\n张建国\n", "缺少“身份证号码”列")]
    [DataRow("身份证号码,姓名,入伍时间\n650105196503120019,张建国,1983\n", "列名“入伍时间”不是采集表的字段")]
    [DataRow("", "文件是空的")]
    public void Read_BadHeader_SaysWhichColumn(string text, string expected)
    {
        var (entries, problems) = Read(text);
        Assert.IsEmpty(entries);
        Assert.AreEqual(1, problems[0].Line);
        StringAssert.Contains(problems[0].Message, expected);
    }

    [TestMethod]
    public void Read_FileInGbk_AsksForUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Encoding.GetEncoding("GBK").GetBytes("身份证号码,姓名\n650105196503120019,张建国\n"));
            var (entries, problems) = RosterFile.Read(path, AsOf);
            Assert.IsEmpty(entries);
            StringAssert.Contains(problems.Single().Message, "UTF-8");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
