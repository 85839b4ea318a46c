using Terminal.Records.Codes;

namespace Terminal.Records.Tests.Codes;

[TestClass]
public sealed class AdministrativeDivisionsTests
{
    private static readonly string[] PlanStreets =
    [
        "七纺街道", "六道湾街道", "苇湖梁街道", "八道湾街道", "新民路街道", "南湖南路街道", "南湖北路街道",
        "七道湾街道", "榆树沟街道", "石人子沟街道", "水塔山街道", "华光街街道", "龙盛街街道", "振安街街道",
    ];

    [TestMethod]
    public void TryGetArea_Shuimogou_IsCurrentCounty()
    {
        Assert.IsTrue(AdministrativeDivisions.TryGetArea("650105", out var area));
        Assert.AreEqual(new AdministrativeArea("650105", "水磨沟区", AreaLevel.County, true), area);
    }

    [TestMethod]
    [DataRow("650000", "新疆维吾尔自治区", AreaLevel.Province)]
    [DataRow("650100", "乌鲁木齐市", AreaLevel.Prefecture)]
    [DataRow("650105001", "七纺街道", AreaLevel.Street)]
    public void TryGetArea_KnownCode_HasNameAndLevel(string code, string name, AreaLevel level)
    {
        Assert.IsTrue(AdministrativeDivisions.TryGetArea(code, out var area));
        Assert.AreEqual(name, area.Name);
        Assert.AreEqual(level, area.Level);
    }

    [TestMethod]
    [DataRow("650105", "新疆维吾尔自治区乌鲁木齐市水磨沟区")]
    [DataRow("110105", "北京市朝阳区")]
    [DataRow("500101", "重庆市万州区")]
    [DataRow("469001", "海南省五指山市")]
    [DataRow("620201", "甘肃省嘉峪关市")]
    [DataRow("650100", "新疆维吾尔自治区乌鲁木齐市")]
    [DataRow("650000", "新疆维吾尔自治区")]
    public void FullName_KnownCode_SkipsPlaceholders(string code, string expected)
    {
        Assert.AreEqual(expected, AdministrativeDivisions.FullName(code));
    }

    [TestMethod]
    [DataRow("110228", "密云县")]
    [DataRow("110103", "崇文区")]
    [DataRow("650108", "东山区")]
    public void TryGetArea_RemovedHistoricalCode_IsNotCurrent(string code, string name)
    {
        Assert.IsTrue(AdministrativeDivisions.TryGetArea(code, out var area));
        Assert.AreEqual(name, area.Name);
        Assert.AreEqual(AreaLevel.County, area.Level);
        Assert.IsFalse(area.Current);
    }

    [TestMethod]
    [DataRow("658899", "新疆维吾尔自治区")]
    [DataRow("650199", "新疆维吾尔自治区乌鲁木齐市")]
    public void FullName_UnknownCountyInKnownProvince_GivesWhatIsKnown(string code, string expected)
    {
        Assert.IsFalse(AdministrativeDivisions.TryGetArea(code, out var area));
        Assert.IsNull(area);
        Assert.IsTrue(AdministrativeDivisions.IsKnownProvince(code));
        Assert.AreEqual(expected, AdministrativeDivisions.FullName(code));
    }

    [TestMethod]
    [DataRow("990101")]
    [DataRow("000000")]
    public void IsKnownProvince_UnknownProvince_ReturnsFalse(string code)
    {
        Assert.IsFalse(AdministrativeDivisions.IsKnownProvince(code));
        Assert.IsFalse(AdministrativeDivisions.TryGetArea(code, out _));
        Assert.AreEqual(string.Empty, AdministrativeDivisions.FullName(code));
        Assert.IsEmpty(AdministrativeDivisions.StreetsOf(code));
    }

    [TestMethod]
    [DataRow("6501x5")]
    [DataRow("65010")]
    [DataRow("6501050")]
    [DataRow("")]
    [DataRow("６５０１０５")]
    public void FullName_NotSixAsciiDigits_ThrowsArgumentException(string code)
    {
        Assert.ThrowsExactly<ArgumentException>(() => AdministrativeDivisions.FullName(code));
        Assert.IsFalse(AdministrativeDivisions.IsKnownProvince(code));
    }

    [TestMethod]
    public void StreetsOf_Shuimogou_HasPlanStreetsAndHemaquan()
    {
        var streets = AdministrativeDivisions.StreetsOf("650105");

        Assert.HasCount(15, streets);
        CollectionAssert.AreEqual(streets.Select(s => s.Code).Order(StringComparer.Ordinal).ToArray(), streets.Select(s => s.Code).ToArray());
        Assert.AreEqual("650105001", streets[0].Code);
        Assert.AreEqual("七纺街道", streets[0].Name);
        CollectionAssert.AreEqual(PlanStreets, streets.Where(s => s.Code != "650105016").Select(s => s.Name).ToArray());
        var hemaquan = streets[^1];
        Assert.AreEqual("650105016", hemaquan.Code);
        Assert.AreEqual("河马泉街道", hemaquan.Name);
        Assert.Contains("not in 2018 plan", hemaquan.Note);
        Assert.IsTrue(streets.All(s => s.Level == AreaLevel.Street && s.Code.StartsWith("650105", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void StreetsOf_CountyWithoutStreetRows_IsEmpty()
    {
        Assert.IsEmpty(AdministrativeDivisions.StreetsOf("650102"));
    }

    [TestMethod]
    public void TryGetArea_MalformedCode_ReturnsFalse()
    {
        Assert.IsFalse(AdministrativeDivisions.TryGetArea("65010", out _));
        Assert.IsFalse(AdministrativeDivisions.TryGetArea("6501050011", out _));
    }
}
