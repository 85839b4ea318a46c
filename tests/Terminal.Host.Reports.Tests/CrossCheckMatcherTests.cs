using CsCheck;
using Terminal.Host.Reports.CrossCheck;
using Terminal.Records.Categories;
using Terminal.Records.Identity;
using Terminal.Testing;

namespace Terminal.Host.Reports.Tests;

[TestClass]
public sealed class CrossCheckMatcherTests
{
    private static readonly DateOnly Today = new(2018, 12, 1);

    private static CrossCheckSubject Subject(int n, string name, DateOnly birth, CategorySet? categories = null, string? address = null, bool withId = true) =>
        new(new Guid(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), withId ? SampleRecords.IdNumberFor(birth, 11 + 2 * n) : null, name, birth, Sex.Male,
            categories ?? CategorySet.Of(Category.DischargedSoldier), address ?? "新疆乌鲁木齐市水磨沟区南湖北路123号");

    private static DepartmentEntry Entry(int row, string name, DateOnly? birth, string? id = null, CategorySet? categories = null, string? address = null, DateOnly? death = null)
    {
        IdNumber? number = null;
        if (id is not null && !IdNumber.TryParse(id, Today, out number, out var error))
        {
            throw new ArgumentException(error.Message);
        }
        return new DepartmentEntry(row, number, name, birth ?? number?.BirthDate, null, categories, address, death);
    }

    private static DepartmentList List(params DepartmentEntry[] entries) => new(Department.CivilAffairs, "民政.csv", entries);

    [TestMethod]
    public void Match_SameIdNumber_MatchesWithoutReviewItems()
    {
        var zhang = Subject(1, "张建国", new DateOnly(1965, 3, 12));
        var result = CrossCheckMatcher.Match([zhang], List(Entry(2, "张建国", null, zhang.IdNumber, CategorySet.Of(Category.DischargedSoldier), "水磨沟区南湖北路123号")));
        Assert.AreEqual(MatchMethod.IdNumber, result.Matches.Single().Method);
        Assert.HasCount(0, result.ReviewItems, string.Join("\n", result.ReviewItems.Select(i => i.Description)));
    }

    [TestMethod]
    public void Match_Legacy15DigitNumber_MatchesTheUpgraded18()
    {
        var birth = new DateOnly(1965, 3, 12);
        var zhang = Subject(1, "张建国", birth);
        var legacy = zhang.IdNumber![..6] + zhang.IdNumber[8..17];
        var result = CrossCheckMatcher.Match([zhang], List(Entry(2, "张建国", null, legacy)));
        Assert.AreEqual(zhang.RecordId, result.Matches.Single().RecordId);
    }

    [TestMethod]
    public void Match_NoNumberOnTheList_MatchesByNameAndBirthDate()
    {
        var subjects = new[] { Subject(1, "买买提·艾力", new DateOnly(1950, 5, 1)), Subject(2, "买买提·艾力", new DateOnly(1951, 5, 1)) };
        var result = CrossCheckMatcher.Match(subjects, List(Entry(2, "买买提•艾力", new DateOnly(1951, 5, 1))));
        Assert.AreEqual(subjects[1].RecordId, result.Matches.Single().RecordId);
        Assert.AreEqual(MatchMethod.NameAndBirthDate, result.Matches[0].Method);
    }

    [TestMethod]
    public void Match_OneCharacterTypo_MatchesAndAsksForConfirmation()
    {
        var subjects = new[] { Subject(1, "陈志强", new DateOnly(1960, 1, 1)), Subject(2, "陈志刚", new DateOnly(1961, 1, 1)) };
        var result = CrossCheckMatcher.Match(subjects, List(Entry(2, "陈智强", new DateOnly(1960, 1, 1))));
        Assert.AreEqual(subjects[0].RecordId, result.Matches.Single().RecordId);
        var item = result.ReviewItems.Single();
        Assert.AreEqual(ReviewKind.NameTypo, item.Kind);
        StringAssert.Contains(item.Description, "民政为“陈智强”，采集记录为“陈志强”");
    }

    [TestMethod]
    public void Match_TwoCandidatesForATypo_IsAmbiguousNotAGuess()
    {
        var birth = new DateOnly(1960, 1, 1);
        var subjects = new[] { Subject(1, "陈志强", birth), Subject(2, "陈智刚", birth) };
        var result = CrossCheckMatcher.Match(subjects, List(Entry(2, "陈智强", birth)));
        Assert.HasCount(0, result.Matches);
        Assert.AreEqual(ReviewKind.Ambiguous, result.ReviewItems.Single().Kind);
    }

    [TestMethod]
    public void Match_TwoCharacterNameWithAnUnrelatedCharacter_IsNotTakenForATypo()
    {
        var birth = new DateOnly(1960, 1, 1);
        var result = CrossCheckMatcher.Match([Subject(1, "王芳", birth)], List(Entry(2, "王磊", birth)));
        Assert.HasCount(0, result.Matches);
        Assert.AreEqual(ReviewKind.NotCollected, result.ReviewItems.Single().Kind);
        StringAssert.Contains(result.ReviewItems[0].Description, "请核实是否漏采");
    }

    [TestMethod]
    public void Match_Discrepancies_EachBecomesAReviewItemWithAChineseDescription()
    {
        var zhang = Subject(1, "张建国", new DateOnly(1965, 3, 12), CategorySet.Of(Category.DischargedSoldier));
        var result = CrossCheckMatcher.Match([zhang], List(Entry(7, "张建华", null, zhang.IdNumber, CategorySet.Of(Category.DisabledServiceman), "天山区解放北路9号", new DateOnly(2017, 5, 4))));
        var kinds = result.ReviewItems.Select(i => i.Kind).ToHashSet();
        CollectionAssert.AreEquivalent(new[] { ReviewKind.DifferentName, ReviewKind.DifferentCategory, ReviewKind.DifferentAddress, ReviewKind.DeceasedBeforeReferenceDate }, kinds.ToArray());
        var texts = string.Join("\n", result.ReviewItems.Select(i => i.Description));
        StringAssert.Contains(texts, "民政名单第7行的张建华");
        StringAssert.Contains(texts, "缺少“残疾军人”");
        StringAssert.Contains(texts, "于2017年5月4日死亡，早于采集标准时点2018年10月1日");
        Assert.IsTrue(result.ReviewItems.All(i => i.RecordId == zhang.RecordId && i.ListRow == 7));
    }

    [TestMethod]
    public void Match_DeathAfterTheReferenceDate_IsNoDiscrepancy()
    {
        var zhang = Subject(1, "张建国", new DateOnly(1965, 3, 12));
        var result = CrossCheckMatcher.Match([zhang], List(Entry(2, "张建国", null, zhang.IdNumber, death: new DateOnly(2018, 11, 1))));
        Assert.HasCount(0, result.ReviewItems);
    }

    [TestMethod]
    public void Match_WholeDistrictList_ReportsSubjectsNotOnIt()
    {
        var subjects = new[] { Subject(1, "张建国", new DateOnly(1965, 3, 12)), Subject(2, "王芳", new DateOnly(1970, 1, 1)) };
        var list = new DepartmentList(Department.PublicSecurity, "户籍.csv", [Entry(2, "张建国", null, subjects[0].IdNumber)]);
        var result = CrossCheckMatcher.Match(subjects, list, new CrossCheckOptions { ReportSubjectsNotOnList = true });
        var item = result.ReviewItems.Single();
        Assert.AreEqual(ReviewKind.NotOnList, item.Kind);
        Assert.AreEqual(subjects[1].RecordId, item.RecordId);
        StringAssert.Contains(item.Description, "不在公安户籍名单中");
    }

    [TestMethod]
    public void Match_ListsWithTypos_NeverMatchAWrongSubject()
    {
        // subjects with names from a small pool (so near-namesakes with the same birth date occur), and a list of some
        // of them, each entry with its number kept, dropped, or dropped with one character of the name changed
        var surnames = "王李张".EnumerateRunes().Select(r => r.ToString()).ToArray();
        var given = "伟芳娜强".EnumerateRunes().Select(r => r.ToString()).ToArray();
        var genName = Gen.Select(Gen.Int[0, surnames.Length - 1], Gen.Int[0, given.Length - 1], Gen.Int[0, given.Length - 1], Gen.Bool)
            .Select((s, g1, g2, two) => surnames[s] + given[g1] + (two ? "" : given[g2]));
        var genSubject = Gen.Select(genName, Gen.Int[0, 6]).Select((name, day) => (name, birth: new DateOnly(1950, 1, 1).AddDays(day)));
        var genCase = Gen.Select(genSubject.Array[5, 40], Gen.Int[0, 2].Array[40], Gen.Int[0, given.Length - 1].Array[40]);
        genCase.Sample((people, edits, replacements) =>
        {
            var subjects = people.Select((p, i) => Subject(i + 1, p.name, p.birth)).ToList();
            var entries = new List<DepartmentEntry>();
            for (var i = 0; i < subjects.Count; i += 2)
            {
                var s = subjects[i];
                entries.Add(edits[i] switch
                {
                    0 => Entry(i + 2, s.Name, null, s.IdNumber),
                    1 => Entry(i + 2, s.Name, s.BirthDate),
                    _ => Entry(i + 2, s.Name[..^1] + replacements[i], s.BirthDate),
                });
            }
            var result = CrossCheckMatcher.Match(subjects, List([.. entries]));
            foreach (var match in result.Matches)
            {
                var entry = entries.Single(e => e.Row == match.ListRow);
                var expected = subjects[entry.Row - 2];
                var right = match.RecordId == expected.RecordId
                    // the one wrong match that cannot be told: a typo that made another subject's exact name, born the same day
                    || (match.Method == MatchMethod.NameAndBirthDate && subjects.Single(x => x.RecordId == match.RecordId) is var other
                        && other.BirthDate == entry.BirthDate && NameComparison.Key(other.Name) == NameComparison.Key(entry.Name));
                if (!right)
                {
                    return false;
                }
            }
            // every entry with its number is matched by it; every entry ends matched or with a review item
            return entries.Where(e => e.IdNumber is not null).All(e => result.Matches.Any(m => m.ListRow == e.Row && m.Method == MatchMethod.IdNumber))
                && entries.All(e => result.Matches.Any(m => m.ListRow == e.Row) || result.ReviewItems.Any(r => r.ListRow == e.Row));
        }, iter: 300);
    }

    [TestMethod]
    public void IsSafeTypo_Property_IsSymmetricAndFalseForEqualNames() =>
        Gen.Select(Gen.String[Gen.Char['一', '龥'], 2, 4], Gen.String[Gen.Char['一', '龥'], 2, 4]).Sample((a, b) =>
            NameComparison.IsSafeTypo(a, b) == NameComparison.IsSafeTypo(b, a) && !NameComparison.IsSafeTypo(a, a));
}
