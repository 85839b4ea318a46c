using Terminal.Records.Categories;
using Terminal.Records.Rules;
using Terminal.Records.Validation;

namespace Terminal.Records.Tests.Categories;

[TestClass]
public sealed class CategoryCombinationRuleTests
{
    /// <summary>
    /// The allowed selections, built from the seed's sentences independently of the rule's code: the identity part
    /// is nothing, one of (1)–(6) ("(1)至(6)不可复选，只能择其一"), one of (1)–(6) with (7) ("如选择(7)，则须与(1)至(6)项复选"),
    /// or (8) alone among (1)–(8) ("(7)和(8)只能择其一", "(8)不可与(1)至(6)复选"); any subset of (9)–(12) joins it
    /// ("(9)至(12)可复选…可与(1)至(8)复选"); and something must be selected.
    /// </summary>
    private static HashSet<int> AllowedTable()
    {
        var cores = new List<int> { 0 };
        for (var k = 1; k <= 6; k++)
        {
            cores.Add(1 << k);
            cores.Add((1 << k) | (1 << 7));
        }
        cores.Add(1 << 8);
        var allowed = new HashSet<int>();
        foreach (var core in cores)
        {
            for (var survivors = 0; survivors < 16; survivors++)
            {
                var mask = core | (survivors << 9);
                if (mask != 0)
                {
                    allowed.Add(mask);
                }
            }
        }
        return allowed;
    }

    [TestMethod]
    public void Check_AllFourThousandNinetySixSubsets_AgreeWithTheSeedTable()
    {
        var table = AllowedTable();
        var mismatches = new List<string>();
        for (var subset = 0; subset < 4096; subset++)
        {
            var set = CategorySet.FromMask(subset << 1);
            if (CategoryCombinationRule.IsAllowed(set) != table.Contains(set.Mask))
            {
                mismatches.Add(set.ToString());
            }
        }
        Assert.IsEmpty(mismatches, "disagreements: " + string.Join(" | ", mismatches.Take(20)));
        Assert.HasCount(223, table, "(1 + 6 + 6 + 1) identity parts × 16 survivor subsets − the empty selection");
    }

    [TestMethod]
    public void Check_EveryRefusedSubset_NamesAtLeastOneRuleWithAChineseMessage()
    {
        for (var subset = 0; subset < 4096; subset++)
        {
            var issues = CategoryCombinationRule.Check(CategorySet.FromMask(subset << 1));
            foreach (var issue in issues)
            {
                Assert.AreEqual(IssueSeverity.Error, issue.Severity);
                Assert.AreEqual(CategoryCombinationRule.FieldId, issue.FieldId);
                StringAssert.StartsWith(issue.Message, "对象类别：");
            }
        }
    }

    [TestMethod]
    [DataRow("", IssueCode.NoCategory)]
    [DataRow("1,2", IssueCode.MoreThanOneMainCategory)]
    [DataRow("5,6,9", IssueCode.MoreThanOneMainCategory)]
    [DataRow("2,7,8", IssueCode.DisabledServicemanWithMilitiaman)]
    [DataRow("7", IssueCode.DisabledServicemanAlone)]
    [DataRow("7,9,12", IssueCode.DisabledServicemanAlone)]
    [DataRow("3,8", IssueCode.DisabledMilitiamanWithMainCategory)]
    public void Check_BrokenRule_ReportsThatRule(string list, IssueCode expected)
    {
        var set = list.Length == 0 ? CategorySet.Empty : Parse(list);
        var codes = CategoryCombinationRule.Check(set).Select(i => i.Code).ToList();
        CollectionAssert.Contains(codes, expected);
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow("2,7")]
    [DataRow("6,7,9,10,11,12")]
    [DataRow("8,12")]
    [DataRow("9,10,11,12")]
    [DataRow("12")]
    public void Check_AllowedCombination_ReportsNothing(string list) =>
        Assert.IsEmpty(CategoryCombinationRule.Check(Parse(list)));

    [TestMethod]
    public void Check_SevenAndEightWithoutMain_ReportsBothBrokenRules()
    {
        var codes = CategoryCombinationRule.Check(Parse("7,8")).Select(i => i.Code).ToList();
        CollectionAssert.AreEquivalent(new[] { IssueCode.DisabledServicemanWithMilitiaman, IssueCode.DisabledServicemanAlone }, codes);
    }

    private static CategorySet Parse(string list)
    {
        Assert.IsTrue(CategorySet.TryParse(list, out var set, out var error), error);
        return set;
    }
}
