using System.Text;
using CsCheck;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;

namespace Terminal.Drivers.IdCard.Tests.Protocol;

[TestClass]
public sealed class CardTextTests
{
    private static readonly CardDeck Deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));

    [TestMethod]
    public void Decode_EveryDeckCard_GivesBackItsFields()
    {
        foreach (var card in Deck.Cards.Where(c => c.Type != CardType.ForeignPermanentResident2023))
        {
            var decoded = CardText.Decode(card.Text());
            var expected = card.ToIdentity();
            Assert.AreEqual(expected.Type, decoded.Type);
            Assert.AreEqual(expected.Name, decoded.Name);
            Assert.AreEqual(expected.IdNumber, decoded.IdNumber);
            Assert.AreEqual(expected.BirthDateText, decoded.BirthDateText);
            Assert.AreEqual(expected.ValidUntilText, decoded.ValidUntilText);
            Assert.AreEqual(expected.NationCode, decoded.NationCode);
            Assert.AreEqual(expected.Address, decoded.Address);
            Assert.IsEmpty(decoded.Problems, card.Name);
        }
    }

    [TestMethod]
    public void Decode_NameWithSurrogatePairs_KeepsThem()
    {
        var card = Deck.Cards.Single(c => c.Name.Contains('㛃', StringComparison.Ordinal));
        Assert.AreEqual("李𠮷㛃", CardText.Decode(card.Text()).Name);
    }

    [TestMethod]
    public void Decode_ResidentCardLayout_MatchesTheDocumentedOffsets()
    {
        var text = Deck.Cards[0].Text();
        Assert.AreEqual("张建国", Encoding.Unicode.GetString(text, 0, 6));
        Assert.AreEqual("1", Encoding.Unicode.GetString(text, 30, 2));
        Assert.AreEqual("01", Encoding.Unicode.GetString(text, 32, 4));
        Assert.AreEqual("19650312", Encoding.Unicode.GetString(text, 36, 16));
        Assert.AreEqual("650105196503120019", Encoding.Unicode.GetString(text, 122, 36));
        Assert.AreEqual("长期", Encoding.Unicode.GetString(text, 204, 4));
        Assert.AreEqual((byte)' ', text[248], "resident cards carry no type flag");
    }

    [TestMethod]
    public void Decode_LongTermCard_IsNeverExpired()
    {
        var id = CardText.Decode(Deck.Cards[0].Text());
        Assert.IsTrue(id.IsLongTerm);
        Assert.IsNull(id.ValidUntil);
        Assert.IsFalse(id.IsExpiredOn(new DateOnly(2099, 1, 1)));
    }

    [TestMethod]
    public void Decode_ExpiredCard_IsReadAndFlagged()
    {
        var id = CardText.Decode(Deck.Cards[1].Text());
        Assert.AreEqual(new DateOnly(2018, 3, 1), id.ValidUntil);
        Assert.IsTrue(id.IsExpiredOn(new DateOnly(2018, 11, 5)));
        Assert.IsFalse(id.IsExpiredOn(new DateOnly(2018, 3, 1)), "valid through its last day");
    }

    [TestMethod]
    public void Decode_ResidencePermit_HasPassNumberAndNoNation()
    {
        var id = CardText.Decode(Deck.Cards.Single(c => c.Type == CardType.ResidencePermit).Text());
        Assert.AreEqual(CardType.ResidencePermit, id.Type);
        Assert.AreEqual("H12345678", id.PassNumber);
        Assert.AreEqual("01", id.IssueCount);
        Assert.IsNull(id.NationCode);
    }

    [TestMethod]
    public void Decode_ForeignPermanentResident_HasEnglishNameAndNationality()
    {
        var id = CardText.Decode(Deck.Cards.Single(c => c.Type == CardType.ForeignPermanentResident).Text());
        Assert.AreEqual("IVANOVA, ANNA", id.EnglishName);
        Assert.AreEqual("RUS", id.NationalityCode);
        Assert.AreEqual("安娜", id.Name);
        Assert.AreEqual(new DateOnly(1975, 5, 15), id.BirthDate);
    }

    [TestMethod]
    public void Decode_2023ForeignCard_IsRecognisedAndAsksForManualEntry()
    {
        var id = CardText.Decode(Deck.Cards.Single(c => c.Type == CardType.ForeignPermanentResident2023).Text());
        Assert.AreEqual(CardType.ForeignPermanentResident2023, id.Type);
        StringAssert.Contains(id.Problems.Single(), "手工录入");
    }

    [TestMethod]
    public void Decode_BadDatesAndNation_AreReportedNotThrown()
    {
        var card = Deck.Cards[0];
        var odd = new SimulatedCard { Name = card.Name, Sex = "1", Nation = "77", Birth = "19651332", IdNumber = card.IdNumber, ValidFrom = "2010", ValidUntil = "abc" };
        var id = CardText.Decode(odd.Text());
        Assert.HasCount(4, id.Problems);
        Assert.IsNull(id.BirthDate);
    }

    [TestMethod]
    public void Decode_WrongSize_IsAProtocolError() =>
        Assert.ThrowsExactly<SamProtocolException>(() => CardText.Decode(new byte[255]));

    [TestMethod]
    public void EncodeThenDecode_AnyResidentCard_RoundTrips() =>
        (from name in Gen.String[Gen.Char['一', '龥'], 1, 15]
         from address in Gen.String[Gen.Char['一', '龥'], 0, 35]
         from sex in Gen.OneOf(Gen.Const("1"), Gen.Const("2"))
         from nation in Gen.Int[1, 56]
         select new SimulatedCard { Name = name, Address = address, Sex = sex, Nation = nation.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Birth = "19500101", IdNumber = "650105195001010017", ValidFrom = "20100101", ValidUntil = "长期" })
        .Sample(card =>
        {
            var id = CardText.Decode(card.Text());
            return id.Name == card.Name && id.Address == card.Address && id.SexCode == card.Sex && id.NationCode == card.Nation && id.Problems.Count == 0;
        });

    [TestMethod]
    public void Encode_NameTooLongForTheChip_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new SimulatedCard { Name = new string('张', 16) }.Text());

    [TestMethod]
    public void AppendedAddress_RoundTripsAndRefusesWrongSize()
    {
        Assert.AreEqual("七道湾路66号", AppendedAddress.Decode(AppendedAddress.Encode("七道湾路66号")));
        Assert.ThrowsExactly<SamProtocolException>(() => AppendedAddress.Decode(new byte[69]));
    }

    [TestMethod]
    public void CardData_ReadReply_SplitsTextPhotoAndFingerprint()
    {
        var card = Deck.Cards[2];
        var withFingerprint = CardData.Parse(CardData.Encode(card.Text(), card.Photo(), card.FingerprintTemplates(), true), true);
        Assert.AreEqual(1024, withFingerprint.Photo.Length);
        Assert.AreEqual(1024, withFingerprint.Fingerprint.Length);
        Assert.AreEqual(64, withFingerprint.PhotoSha256.Length);
        var plain = CardData.Encode(card.Text(), card.Photo(), [], false);
        Assert.HasCount(2 + 2 + 256 + 1024, plain, "30 01 reply data: Len 0x0508 minus SW and CHK");
        Assert.ThrowsExactly<SamProtocolException>(() => CardData.Parse(plain.AsSpan(0, plain.Length - 1), false));
    }

    [TestMethod]
    public void SamId_FormatsTheManagementNumber() =>
        Assert.AreEqual("05.01-12345-123456789-987654321", SamId.Format(IdCardReaderSimulator.SamIdData));
}
