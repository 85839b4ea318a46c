using Terminal.Records.Codes;

namespace Terminal.Records.Tests.Codes;

[TestClass]
public sealed class CollectionPointsTests
{
    [TestMethod]
    public void Of_Shuimogou_HasThePlansEightPointsCoveringEveryPlanStreetOnce()
    {
        var points = CollectionPoints.Of("650105");
        Assert.HasCount(8, points);
        Assert.AreEqual("南湖北采集点", points[3].Name);
        CollectionAssert.AreEquivalent(new[] { "650105007", "650105014" }, points[3].Streets.ToArray());
        var streets = points.SelectMany(p => p.Streets).ToList();
        Assert.HasCount(14, streets, "the 14 streets of the plan, each served by one point");
        Assert.HasCount(14, streets.Distinct().ToList());
        var planStreets = AdministrativeDivisions.StreetsOf("650105").Where(s => !s.Note.StartsWith("not in 2018 plan", StringComparison.Ordinal)).Select(s => s.Code);
        CollectionAssert.AreEquivalent(planStreets.ToArray(), streets.ToArray());
    }

    [TestMethod]
    public void Of_UnknownDistrict_IsEmpty() => Assert.IsEmpty(CollectionPoints.Of("110105"));
}
