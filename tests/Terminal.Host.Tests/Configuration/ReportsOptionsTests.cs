using Terminal.Host.Configuration;

namespace Terminal.Host.Tests.Configuration;

/// <summary>Reports:FontPath is checked at start-up, with a Chinese message naming the setting and what to fix.</summary>
[TestClass]
public sealed class ReportsOptionsTests
{
    [TestMethod]
    public void FontPath_Unset_IsFine_TheKnownFontsAreSearchedAtTheFirstPdf() =>
        Assert.IsTrue(new ReportsOptionsValidator().Validate(null, new ReportsOptions()).Succeeded);

    [TestMethod]
    public void FontPath_OfAFileThatIsMissing_SaysSoAndWhatToInstall()
    {
        var result = new ReportsOptionsValidator().Validate(null, new ReportsOptions { FontPath = "/nowhere/msyh.ttc" });
        Assert.IsTrue(result.Failed);
        StringAssert.Contains(result.FailureMessage, "Reports:FontPath 指定的字体文件 “/nowhere/msyh.ttc” 不存在");
        StringAssert.Contains(result.FailureMessage, "fonts-wqy-microhei");
    }

    [TestMethod]
    public void FontPath_Relative_OrAFaceOutOfRange_IsRefused()
    {
        var result = new ReportsOptionsValidator().Validate(null, new ReportsOptions { FontPath = "fonts/wqy.ttc", FontIndex = -1 });
        StringAssert.Contains(result.FailureMessage, "必须是字体文件的绝对路径");
        StringAssert.Contains(result.FailureMessage, "Reports:FontIndex");
    }

    [TestMethod]
    public void FontPath_OfTheTestPackagesFont_IsAccepted() =>
        Assert.IsTrue(new ReportsOptionsValidator().Validate(null, new ReportsOptions { FontPath = Web.DashboardFixture.FontPath, FontIndex = 0 }).Succeeded);
}
