using CsCheck;
using Terminal.Records.Categories;

namespace Terminal.Records.Tests.Categories;

[TestClass]
public sealed class CategorySetTests
{
    [TestMethod]
    [DataRow("1,7,9", "1,7,9")]
    [DataRow(" 9 , 1 ,7 ", "1,7,9")]
    [DataRow("１，７、９", "1,7,9")]
    [DataRow("(2),（7）", "2,7")]
    [DataRow("12;11；10", "10,11,12")]
    [DataRow("3,3", "3")]
    public void TryParse_AcceptedSpellings_GiveTheSet(string text, string expected)
    {
        Assert.IsTrue(CategorySet.TryParse(text, out var set, out var error), error);
        Assert.AreEqual(expected, set.ToString());
    }

    [TestMethod]
    [DataRow("", "至少")]
    [DataRow("   ", "至少")]
    [DataRow(",,", "至少")]
    [DataRow("0", "编号应为1至12")]
    [DataRow("13", "编号应为1至12")]
    [DataRow("1,x", "“x”不是对象类别编号")]
    [DataRow("1.5", "不是对象类别编号")]
    [DataRow("-1", "不是对象类别编号")]
    [DataRow("007", "不是对象类别编号")]
    [DataRow("残疾军人", "不是对象类别编号")]
    public void TryParse_Malformed_ExplainsInChinese(string text, string expectedPart)
    {
        Assert.IsFalse(CategorySet.TryParse(text, out _, out var error));
        StringAssert.Contains(error, expectedPart);
    }

    [TestMethod]
    public void TryParse_AnyString_NeverThrows() =>
        Gen.String.Sample(s =>
        {
            var ok = CategorySet.TryParse(s, out var set, out var error);
            return ok ? !set.IsEmpty : error.Length > 0;
        }, iter: 20_000);

    [TestMethod]
    public void ToString_ThenTryParse_RoundTrips() =>
        Gen.Int[0, 4095].Sample(bits =>
        {
            var set = CategorySet.FromMask(bits << 1);
            return set.IsEmpty || (CategorySet.TryParse(set.ToString(), out var back, out _) && back == set);
        });

    [TestMethod]
    public void FromMask_BitZeroOrAboveTwelve_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CategorySet.FromMask(1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CategorySet.FromMask(1 << 13));
    }

    [TestMethod]
    public void Members_AreInNumberOrder() =>
        CollectionAssert.AreEqual(
            new[] { Category.TransferredOfficer, Category.DisabledServiceman, Category.ActiveServiceFamily },
            CategorySet.Of(Category.ActiveServiceFamily, Category.TransferredOfficer, Category.DisabledServiceman).Members().ToArray());
}
