using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Validation;
using Terminal.Testing;

namespace Terminal.Records.Tests.Rules;

/// <summary>The rules written in code, each from a seed sentence (see each rule's summary).</summary>
[TestClass]
public sealed class SeedRuleTests
{
    private static Record Sample => SampleRecords.DisabledDischargedSoldier();

    private static IReadOnlyList<RecordIssue> Findings(Record record) => Validation.Findings.OfSigned(record);

    private static RecordIssue One(Record record, IssueCode code) => Validation.Findings.Single(Findings(record), code);

    private static void None(Record record) => Validation.Findings.None(Findings(record));

    /// <summary>A transferred officer (1) with his module filled, from the sample's identity.</summary>
    private static Record Officer(string resettlement, string discharged) =>
        (Sample with { Categories = CategorySet.Of(Category.TransferredOfficer) })
            .With("module2.rank", null).With("module2.resettlement", null).With("module2.resettlementUnit", null).With("module2.certificateNumber", null)
            .With("module7.nature", null).With("module7.grade", null).With("module7.certificateNumber", null).With("module7.assessedOn", null)
            .With("personal.rankClass", "1").With("module1.resettlement", resettlement).With("personal.dischargeDate", discharged);

    [TestMethod]
    public void IdNumber_SexDigitDisagreesWithSex_IsAnError()
    {
        var issue = One(Sample.With("identity.sex", "2"), IssueCode.IdNumberSexMismatch);
        Assert.AreEqual("identity.sex", issue.FieldId);
        StringAssert.Contains(issue.Message, "表示“男”");
    }

    [TestMethod]
    public void IdNumber_BirthDateDisagrees_IsAnError() =>
        StringAssert.Contains(One(Sample.With("identity.birthDate", "1965-03-13"), IssueCode.IdNumberBirthDateMismatch).Message, "1965年3月12日");

    [TestMethod]
    public void IdNumber_Malformed_IsReportedOnceWithItsReason()
    {
        var issue = One(Sample.With("identity.idNumber", "650105196503120010"), IssueCode.IdNumberInvalid);
        StringAssert.Contains(issue.Message, "校验码");
    }

    [TestMethod]
    public void IdNumber_AbolishedAreaCode_IsAWarningOnly()
    {
        var birth = new DateOnly(1965, 3, 12);
        var issue = One(Sample.With("identity.idNumber", SampleRecords.IdNumberFor(birth, 13, "659999")), IssueCode.IdNumberAreaUnknown);
        Assert.AreEqual(IssueSeverity.Warning, issue.Severity);
    }

    [TestMethod]
    public void IdCard_ExpiredOnCollectionDate_IsCollectedAndFlagged()
    {
        var issue = One(Sample.With("identity.validUntil", "2018-11-04"), IssueCode.IdCardExpired);
        Assert.AreEqual(IssueSeverity.Warning, issue.Severity);
        Assert.IsEmpty(Findings(Sample.With("identity.validUntil", "2018-11-05")), "valid through the collection day");
    }

    [TestMethod]
    public void Dates_AfterCollection_Refused() =>
        Assert.AreEqual("personal.dischargeDate", One(Sample.With("personal.dischargeDate", "2018-11-06"), IssueCode.DateInFuture).FieldId);

    [TestMethod]
    public void Dates_DischargeBeforeEnlistment_Refused() =>
        Assert.AreEqual("personal.dischargeDate", One(Sample.With("personal.dischargeDate", "1983-09-30"), IssueCode.DatesOutOfOrder).FieldId);

    [TestMethod]
    public void Dates_EnlistedBeforeBirth_Refused() =>
        Assert.AreEqual("personal.enlistmentDate", One(Sample.With("personal.enlistmentDate", "1964-01-01"), IssueCode.DatesOutOfOrder).FieldId);

    [TestMethod]
    public void ReferenceDate_DischargedAfterIt_IsANotice()
    {
        var issue = One(Sample.With("personal.dischargeDate", "2018-10-02"), IssueCode.AfterReferenceDate);
        Assert.AreEqual(IssueSeverity.Notice, issue.Severity);
        Assert.IsEmpty(Findings(Sample.With("personal.dischargeDate", "2018-10-01")), "on the reference date itself: counted");
    }

    [TestMethod]
    public void ReferenceDate_UndatedCategoryAlongside_IsNotANotice()
    {
        var family = (Sample with { Categories = Sample.Categories.With(Category.ActiveServiceFamily) })
            .With("personal.dischargeDate", "2018-10-02")
            .With("module12.relation", "3").With("module12.servicemanName", "张小军").With("module12.force", "1").With("module12.servicemanRankClass", "2");
        Assert.IsFalse(Findings(family).Any(i => i.Code == IssueCode.AfterReferenceDate));
    }

    [TestMethod]
    [DataRow("2")]
    [DataRow("3")]
    public void RankClass_TransferredOfficerMustBeOfficer(string given)
    {
        var issue = One(Officer("1", "1999-06-01").With("personal.rankClass", given), IssueCode.RankClassMismatch);
        StringAssert.Contains(issue.Message, "应为“军官”");
        None(Officer("1", "1999-06-01"));
    }

    [TestMethod]
    public void RankClass_DischargedSergeantRankNeedsSergeantClass() =>
        StringAssert.Contains(One(Sample.With("module2.rank", "2"), IssueCode.RankClassMismatch).Message, "应为“士官”");

    [TestMethod]
    public void Resettlement_SelfChosenCareerBefore20010119_Refused()
    {
        One(Officer("2", "2001-01-18"), IssueCode.ResettlementDateMismatch);
        None(Officer("2", "2001-01-19"));
    }

    [TestMethod]
    public void Resettlement_EnterpriseCadreAfter2000_Refused()
    {
        One(Officer("4", "2001-01-01"), IssueCode.ResettlementDateMismatch);
        None(Officer("4", "2000-12-31"));
    }

    [TestMethod]
    public void Resettlement_SelfEmployedSoldierAfterOrder608_Refused()
    {
        var record = Sample.With("module2.resettlement", "3").With("module2.resettlementUnit", null).With("personal.dischargeDate", "2011-11-01")
            .With("personal.enlistmentDate", "2009-09-01");
        One(record, IssueCode.ResettlementDateMismatch);
        None(record.With("personal.dischargeDate", "2011-10-31"));
    }

    [TestMethod]
    public void StateSupport_NeedsGradeOneToFour()
    {
        var supported = Sample.With("module2.resettlement", "4").With("module2.resettlementUnit", null);
        StringAssert.Contains(One(supported, IssueCode.StateSupportNeedsGrade1To4).Message, "6级");
        None(supported.With("module7.grade", "4"));
        var notDisabled = (supported with { Categories = CategorySet.Of(Category.DischargedSoldier) })
            .With("module7.nature", null).With("module7.grade", null).With("module7.certificateNumber", null).With("module7.assessedOn", null);
        StringAssert.Contains(One(notDisabled, IssueCode.StateSupportNeedsGrade1To4).Message, "（7）残疾军人");
    }

    [TestMethod]
    public void StateSupport_MiddleSergeantDisabledByIllness_Refused()
    {
        var record = Sample.With("module2.resettlement", "4").With("module2.resettlementUnit", null).With("module7.grade", "2")
            .With("module2.rank", "3").With("personal.rankClass", "2").With("module7.nature", "3");
        StringAssert.Contains(One(record, IssueCode.StateSupportNeedsGrade1To4).Message, "因病");
        None(record.With("module2.rank", "2"));
    }

    [TestMethod]
    public void Demobilized_OldGroupEnlistedAfter19541031_Refused()
    {
        var record = (Sample with { Categories = CategorySet.Of(Category.DemobilizedServiceman) })
            .With("module2.rank", null).With("module2.resettlement", null).With("module2.resettlementUnit", null).With("module2.certificateNumber", null)
            .With("module7.nature", null).With("module7.grade", null).With("module7.certificateNumber", null).With("module7.assessedOn", null)
            .With("module5.type", "1").With("module5.treatment", "1").With("personal.enlistmentDate", "1954-11-01");
        One(record, IssueCode.DemobilizedTypeMismatch);
        var born = new DateOnly(1930, 5, 1);
        None(record.With("personal.enlistmentDate", "1954-10-31").With("identity.birthDate", "1930-05-01").With("identity.idNumber", SampleRecords.IdNumberFor(born)));
    }

    [TestMethod]
    public void Scope_FamilyOfCivilianStaff_IsOutOfScope()
    {
        var family = (Sample with { Categories = Sample.Categories.With(Category.ActiveServiceFamily) })
            .With("module12.relation", "3").With("module12.servicemanName", "张小军").With("module12.force", "3").With("module12.servicemanRankClass", "1");
        StringAssert.Contains(One(family, IssueCode.OutOfScope).Message, "不在本次采集范围");
        None(family.With("module12.force", "2"));
    }

    [TestMethod]
    public void Photos_PersonalPhotoOverThreeHundredKilobytes_Refused()
    {
        var photos = Sample.Photos.Select(p => p.Kind == PhotoKind.PersonalPhoto ? p with { Length = 300 * 1024 + 1 } : p);
        StringAssert.Contains(One(Sample with { Photos = [.. photos] }, IssueCode.PhotoTooLarge).Message, "300KB");
    }

    [TestMethod]
    public void Photos_ChipPhotoOverThreeKilobytes_Refused()
    {
        var photos = Sample.Photos.Select(p => p.Kind == PhotoKind.ChipPhoto ? p with { Length = 3073 } : p);
        StringAssert.Contains(One(Sample with { Photos = [.. photos] }, IssueCode.PhotoTooLarge).Message, "身份证基准头像");
    }

    [TestMethod]
    public void Photos_Png_Refused()
    {
        var photos = Sample.Photos.Select(p => p.Kind == PhotoKind.PersonalPhoto ? p with { MediaType = "image/png" } : p);
        One(Sample with { Photos = [.. photos] }, IssueCode.PhotoNotJpeg);
    }

    [TestMethod]
    public void Photos_DocumentsShownButNotPhotographed_IsAWarning()
    {
        var issue = One(Sample with { Photos = [.. Sample.Photos.Where(p => p.Kind != PhotoKind.DocumentPhoto)] }, IssueCode.EvidencePhotoMissing);
        Assert.AreEqual(IssueSeverity.Warning, issue.Severity);
    }
}
