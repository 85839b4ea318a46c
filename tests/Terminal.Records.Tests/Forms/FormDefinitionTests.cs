using System.Text;
using Terminal.Records.Categories;
using Terminal.Records.Forms;

namespace Terminal.Records.Tests.Forms;

[TestClass]
public sealed class FormDefinitionTests
{
    private static FormDefinition Form => FormDefinitions.Current;

    [TestMethod]
    public void Current_Is2018WithTheReferenceDate()
    {
        Assert.AreEqual("2018.1", Form.Version);
        Assert.AreEqual(new DateOnly(2018, 10, 1), Form.ReferenceDate);
        Assert.AreEqual("退役军人和其他优抚对象信息采集表", Form.Title);
    }

    [TestMethod]
    public void Current_HasOneModulePerCategory()
    {
        foreach (var category in Enum.GetValues<Category>())
        {
            var module = Form.ModuleOf(category);
            Assert.IsNotNull(module, category.ToString());
            StringAssert.Contains(module.Title, CategoryNames.Name(category));
        }
    }

    [TestMethod]
    public void Current_NationList_HasThe56NationsAnd97And98()
    {
        var codes = Form.CodeLists["nation"].Codes.Select(c => c.Code).ToList();
        Assert.HasCount(58, codes);
        CollectionAssert.IsSubsetOf(new[] { "01", "05", "17", "56", "97", "98" }, codes);
        Assert.AreEqual("维吾尔族", Form.CodeName("nation", "05"));
        Assert.AreEqual("德昂族", Form.CodeName("nation", "46"));
    }

    [TestMethod]
    public void Current_PoliticalStatusList_IsGbt4762()
    {
        Assert.HasCount(13, Form.CodeLists["politicalStatus"].Codes);
        Assert.AreEqual("群众", Form.CodeName("politicalStatus", "13"));
    }

    [TestMethod]
    public void Current_DisabilityGrade_IsOneToTen()
    {
        var grade = Form.Field("module7.grade");
        Assert.AreEqual(FieldType.Integer, grade.Type);
        Assert.AreEqual("1", grade.Min);
        Assert.AreEqual("10", grade.Max);
        CollectionAssert.AreEqual(new[] { "因战", "因公", "因病" }, Form.CodeLists["disabilityNature"].Codes.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void Current_EveryFieldHasAChineseLabel()
    {
        foreach (var field in Form.Fields)
        {
            Assert.IsTrue(field.Label.Any(c => c >= 0x4E00 && c <= 0x9FFF), field.Id);
        }
    }

    [TestMethod]
    public void Get_UnknownVersion_SaysWhichVersionsExist()
    {
        var e = Assert.ThrowsExactly<KeyNotFoundException>(() => FormDefinitions.Get("1999.1"));
        StringAssert.Contains(e.Message, "2018.1");
    }

    [TestMethod]
    [DataRow("duplicate", "declared twice")]
    [DataRow("missingList", "code list")]
    [DataRow("laterCondition", "not declared before it")]
    [DataRow("badPrefix", "must start with its section id")]
    [DataRow("noModules", "one module per category")]
    [DataRow("badMin", "min/max")]
    public void Parse_BrokenDefinition_SaysWhatIsWrong(string breakage, string expected)
    {
        var json = Encoding.UTF8.GetString(File.ReadAllBytes(ShippedForm()));
        json = breakage switch
        {
            "duplicate" => json.Replace("\"id\": \"identity.sex\"", "\"id\": \"identity.name\"", StringComparison.Ordinal),
            "missingList" => json.Replace("\"codeList\": \"sex\"", "\"codeList\": \"gender\"", StringComparison.Ordinal),
            "laterCondition" => json.Replace("{ \"field\": \"identity.documentType\", \"in\": [\"1\"] } },\n      { \"id\": \"identity.birthDate\"", "{ \"field\": \"identity.address\", \"in\": [\"1\"] } },\n      { \"id\": \"identity.birthDate\"", StringComparison.Ordinal),
            "badPrefix" => json.Replace("\"id\": \"identity.sex\"", "\"id\": \"person.sex\"", StringComparison.Ordinal),
            "noModules" => json.Replace("\"category\": 12,", "", StringComparison.Ordinal),
            "badMin" => json.Replace("\"min\": \"1890-01-01\"", "\"min\": \"1890\"", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };
        var e = Assert.ThrowsExactly<FormatException>(() => FormDefinition.Parse(Encoding.UTF8.GetBytes(json)));
        StringAssert.Contains(e.Message, expected);
    }

    [TestMethod]
    public void Parse_NotJson_IsAFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => FormDefinition.Parse("{ not json"u8));

    private static string ShippedForm() => Path.Combine(AppContext.BaseDirectory, "Forms", "form-2018.1.json");
}
