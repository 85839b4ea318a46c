using Terminal.Records.Identity;

namespace Terminal.Records.Tests.Identity;

[TestClass]
public sealed class ForeignPermanentResidentNumberTests
{
    [TestMethod]
    [DataRow("USA650102000001", true)]
    [DataRow("usa650102000001", true)]
    [DataRow("US1650102000001", false)]
    [DataRow("USA65010200000", false)]
    [DataRow("", false)]
    public void IsValid_OldFifteenCharacterLayout(string text, bool valid) => Assert.AreEqual(valid, ForeignPermanentResidentNumber.IsValid(text));

    [TestMethod]
    public void IsValid_NewLayout_NeedsNineFirstAndTheCheckCharacter()
    {
        const string First17 = "96584019800101002";
        var valid = First17 + IdNumber.ComputeCheckCharacter(First17);
        Assert.IsTrue(ForeignPermanentResidentNumber.IsValid(valid));
        Assert.IsFalse(ForeignPermanentResidentNumber.IsValid(First17 + (valid[17] == '0' ? '1' : '0')));
        var notNine = "1" + valid[1..];
        Assert.IsFalse(ForeignPermanentResidentNumber.IsValid(notNine));
    }
}
