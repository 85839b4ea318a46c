using System.Text;
using Terminal.Records.Names;

namespace Terminal.Records.Tests.Names;

[TestClass]
public sealed class PinyinInitialsTests
{
    [TestMethod]
    [DataRow("张建国", "zjg")]
    [DataRow("李明", "lm")]
    [DataRow("王 秀 英", "wxy")]
    [DataRow("阿依古丽·买买提", "ayglmmt")]
    [DataRow("吉𠮷", "jj")]
    [DataRow("张㛃", "zj")]
    [DataRow("JOHN SMITH", "js")]
    public void Of_CommonName_FirstSpellingIsTheUsualReading(string name, string expected)
    {
        Assert.AreEqual(expected, PinyinInitials.Of(name)[0]);
    }

    [TestMethod]
    [DataRow("单晓燕", "dxy", "sxy", "cxy")]
    [DataRow("曾国藩", "cgf", "zgf")]
    [DataRow("解放", "jf", "xf")]
    public void Of_PolyphonicSurname_HasASpellingForEachReading(string name, params string[] expected)
    {
        CollectionAssert.IsSubsetOf(expected, PinyinInitials.Of(name).ToArray());
    }

    [TestMethod]
    public void Of_ManyPolyphonicCharacters_StopsAtMaxSpellings()
    {
        var spellings = PinyinInitials.Of("单曾解单曾解单曾解");
        Assert.HasCount(PinyinInitials.MaxSpellings, spellings);
        Assert.AreEqual("dcjdcjdcj", spellings[0]);
    }

    [TestMethod]
    public void Of_NoHanCharacterOrLetter_IsEmpty()
    {
        Assert.IsEmpty(PinyinInitials.Of("· 123"));
        Assert.IsEmpty(PinyinInitials.Of(""));
    }

    [TestMethod]
    public void LettersOf_EveryHanCharacterOfGb2312_HasLetters()
    {
        // GB 2312's 6,763 Han characters (rows 16–87) are the common ones names are written with: each must be on file.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb2312 = Encoding.GetEncoding("GB2312", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var missing = new List<string>();
        var checkedCount = 0;
        for (var row = 0xB0; row <= 0xF7; row++)
        {
            for (var cell = 0xA1; cell <= 0xFE; cell++)
            {
                if (row == 0xD7 && cell > 0xF9)
                {
                    continue; // row 55 ends at cell 89
                }
                var text = gb2312.GetString([(byte)row, (byte)cell]);
                checkedCount++;
                if (PinyinInitials.LettersOf(char.ConvertToUtf32(text, 0)).Length == 0)
                {
                    missing.Add(text);
                }
            }
        }
        Assert.AreEqual(6763, checkedCount);
        Assert.IsEmpty(missing, "no initials for " + string.Concat(missing));
        Assert.AreEqual("", PinyinInitials.LettersOf('A'));
    }

    [TestMethod]
    [DataRow("zjg", "zjg")]
    [DataRow(" Z J G ", "zjg")]
    [DataRow("张jg", null)]
    [DataRow("z1g", null)]
    [DataRow("   ", null)]
    public void NormalizeTyped_Text_GivesLowerCaseLettersOrNull(string typed, string? expected)
    {
        Assert.AreEqual(expected, PinyinInitials.NormalizeTyped(typed));
    }

    [TestMethod]
    public void Matches_TypedInitials_ComparesWithEverySpelling()
    {
        Assert.IsTrue(PinyinInitials.Matches("曾国藩", "ZGF"));
        Assert.IsTrue(PinyinInitials.Matches("曾国藩", "cgf"));
        Assert.IsFalse(PinyinInitials.Matches("曾国藩", "cg"));
        Assert.IsFalse(PinyinInitials.Matches("曾国藩", "曾"));
    }
}
