using CsCheck;
using Terminal.Records.Identity;

namespace Terminal.Records.Tests.Identity;

[TestClass]
public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2018, 11, 5);
    private static readonly string[] Areas = ["650105", "650102", "110105", "440305", "510104", "370802", "340524", "810000"];

    /// <summary>Valid numbers: a known area, a birth date 1900-01-01…2018-10-01, any sequence, the right check character.</summary>
    private static readonly Gen<string> ValidNumbers =
        from area in Gen.OneOf(Areas)
        from days in Gen.Int[0, new DateOnly(2018, 10, 1).DayNumber - new DateOnly(1900, 1, 1).DayNumber]
        from sequence in Gen.Int[0, 999]
        select Build(area, new DateOnly(1900, 1, 1).AddDays(days), sequence);

    private static string Build(string area, DateOnly birth, int sequence)
    {
        var first17 = $"{area}{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    [TestMethod]
    [DataRow("11010519491231002X", "1949-12-31", Sex.Female)]
    [DataRow("34052419800101001X", "1980-01-01", Sex.Male)]
    [DataRow("650105198001010011", "1980-01-01", Sex.Male)]
    public void TryParse_PublishedVectors_AreValid(string text, string birth, Sex sex)
    {
        Assert.IsTrue(IdNumber.TryParse(text, Today, out var id, out var error), error?.Message);
        Assert.AreEqual(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
        Assert.AreEqual(sex, id.Sex);
    }

    [TestMethod]
    public void ComputeCheckCharacter_StandardsExamples_Match()
    {
        Assert.AreEqual('X', IdNumber.ComputeCheckCharacter("11010519491231002"));
        Assert.AreEqual('4', IdNumber.ComputeCheckCharacter("44052418800101001"));
    }

    [TestMethod]
    public void TryParse_FifteenDigits_UpgradesWithNineteenAndCheckCharacter()
    {
        Assert.IsTrue(IdNumber.TryParse("370802940221002", Today, out var id, out _));
        Assert.AreEqual("370802199402210029", id.Value);
        Assert.AreEqual("370802940221002", id.Legacy15);
        Assert.AreEqual(Sex.Female, id.Sex);
    }

    [TestMethod]
    [DataRow(" 650105 19800101 0011 ", "650105198001010011")]
    [DataRow("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X")]
    [DataRow("11010519491231002x", "11010519491231002X")]
    [DataRow("650105-19800101-0011", "650105198001010011")]
    public void TryParse_HowPeopleType_IsNormalized(string text, string expected)
    {
        Assert.IsTrue(IdNumber.TryParse(text, Today, out var id, out var error), error?.Message);
        Assert.AreEqual(expected, id.Value);
    }

    [TestMethod]
    [DataRow(null, IdNumberProblem.Empty)]
    [DataRow("", IdNumberProblem.Empty)]
    [DataRow("65010519800101001", IdNumberProblem.WrongLength)]
    [DataRow("6501051980010100111", IdNumberProblem.WrongLength)]
    [DataRow("65010519800101001A", IdNumberProblem.BadCharacter)]
    [DataRow("6501051980010X0011", IdNumberProblem.BadCharacter)]
    [DataRow("650105198001010012", IdNumberProblem.BadCheckDigit)]
    [DataRow("650105198002300010", IdNumberProblem.BadBirthDate)]
    [DataRow("650105201901010011", IdNumberProblem.BirthDateInFuture)]
    [DataRow("440524188001010014", IdNumberProblem.BirthDateTooEarly)]
    [DataRow("99010519800101001X", IdNumberProblem.UnknownProvince)]
    [DataRow("37080294022100A", IdNumberProblem.BadCharacter)]
    [DataRow("370802940230002", IdNumberProblem.BadBirthDate)]
    public void TryParse_Invalid_NamesTheProblemInChinese(string? text, IdNumberProblem problem)
    {
        Assert.IsFalse(IdNumber.TryParse(text, Today, out _, out var error));
        Assert.AreEqual(problem, error.Problem);
        StringAssert.StartsWith(error.Message, "身份证号码：");
    }

    [TestMethod]
    public void TryParse_BadCheckDigit_SaysWhatTheCheckCharacterShouldBe()
    {
        IdNumber.TryParse("110105194912310021", Today, out _, out var error);
        StringAssert.Contains(error!.Message, "应为X");
    }

    [TestMethod]
    public void TryParse_EveryGeneratedValidNumber_PassesWithItsParts() =>
        ValidNumbers.Sample(text =>
            IdNumber.TryParse(text, Today, out var id, out _)
            && id.Value == text
            && id.BirthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) == text[6..14]
            && (int)id.Sex == ((text[16] - '0') % 2 == 1 ? 1 : 2), iter: 20_000);

    /// <summary>Any one character changed (to anything that does not normalize back to the original) is refused.</summary>
    [TestMethod]
    public void TryParse_AnySingleCharacterChange_Fails()
    {
        var replacements = Gen.OneOf(Gen.Char['0', '9'], Gen.Char['!', '~'], Gen.OneOf('X', 'x', '０', '９', 'Ｘ', '一', '〇', ' ', '\t', 'é'));
        (from text in ValidNumbers
         from position in Gen.Int[0, 17]
         from c in replacements
         select (text, position, c))
        .Sample(t =>
        {
            var mutated = string.Concat(t.text.AsSpan(0, t.position), t.c.ToString(), t.text.AsSpan(t.position + 1));
            return IdNumber.Normalize(mutated) == t.text || !IdNumber.TryParse(mutated, Today, out _, out _);
        }, iter: 50_000);
    }

    [TestMethod]
    public void TryParse_AnyAdjacentTransposition_OfDifferentDigits_Fails() =>
        (from text in ValidNumbers from i in Gen.Int[0, 16] select (text, i))
        .Sample(t =>
        {
            var c = t.text.ToCharArray();
            (c[t.i], c[t.i + 1]) = (c[t.i + 1], c[t.i]);
            var swapped = new string(c);
            return swapped == t.text || !IdNumber.TryParse(swapped, Today, out _, out _);
        }, iter: 20_000);

    [TestMethod]
    public void TryParse_AnyString_NeverThrows() =>
        Gen.String.Sample(s =>
        {
            var ok = IdNumber.TryParse(s, Today, out var id, out var error);
            return ok ? id!.Value.Length == 18 : error!.Message.Length > 0;
        }, iter: 20_000);

    [TestMethod]
    public void AreaName_KnownCounty_IsTheFullName()
    {
        Assert.IsTrue(IdNumber.TryParse("650105198001010011", Today, out var id, out _));
        Assert.IsTrue(id.AreaIsKnown);
        Assert.AreEqual("新疆维吾尔自治区乌鲁木齐市水磨沟区", id.AreaName);
    }

    [TestMethod]
    public void TryParse_UnknownCountyInKnownProvince_IsValidButFlagged()
    {
        var text = Build("659999", new DateOnly(1950, 1, 1), 11);
        Assert.IsTrue(IdNumber.TryParse(text, Today, out var id, out _));
        Assert.IsFalse(id.AreaIsKnown);
        StringAssert.StartsWith(id.AreaName, "新疆维吾尔自治区");
    }
}
