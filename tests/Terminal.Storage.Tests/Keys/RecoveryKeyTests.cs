using Terminal.Storage.Keys;

namespace Terminal.Storage.Tests.Keys;

[TestClass]
public sealed class RecoveryKeyTests
{
    [TestMethod]
    public void Parse_DisplayText_GivesTheSameKey()
    {
        using var key = RecoveryKey.Generate();
        var text = key.ToDisplayText();
        Assert.AreEqual(52 + 12, text.Length);
        using var back = RecoveryKey.Parse(text.ToLowerInvariant().Replace('-', ' '));
        Assert.AreEqual(text, back.ToDisplayText());
    }

    [TestMethod]
    [DataRow("ABCD")]
    [DataRow("ABCD-EFGH-1234")]
    public void Parse_NotARecoveryKey_SaysWhatIsWrongInChinese(string text) =>
        StringAssert.StartsWith(Assert.ThrowsExactly<FormatException>(() => RecoveryKey.Parse(text)).Message, "恢复密钥");

    [TestMethod]
    public void ToString_NeverShowsTheKey()
    {
        using var key = RecoveryKey.Generate();
        Assert.DoesNotContain(key.ToDisplayText()[..4], key.ToString());
    }
}
