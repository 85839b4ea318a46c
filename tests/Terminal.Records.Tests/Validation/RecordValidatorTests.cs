using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Validation;
using Terminal.Testing;

namespace Terminal.Records.Tests.Validation;

[TestClass]
public sealed class RecordValidatorTests
{
    private static Record Sample => SampleRecords.DisabledDischargedSoldier();

    private static IReadOnlyList<RecordIssue> ValidateSigned(Record record) => Findings.OfSigned(record);

    private static RecordIssue Single(IReadOnlyList<RecordIssue> issues, IssueCode code) => Findings.Single(issues, code);

    [TestMethod]
    public void Validate_SampleRecord_HasNoFinding()
    {
        var issues = RecordValidator.Validate(Sample);
        Findings.None(issues);
        Assert.IsTrue(RecordValidator.ReadyToFinalize(issues));
    }

    [TestMethod]
    public void Validate_EmptyDraft_ListsEveryRequiredFieldAndNoCategory()
    {
        var draft = Sample with { Values = Sample.Values.Clear(), Categories = CategorySet.Empty, Photos = [], Signature = null };
        var issues = RecordValidator.Validate(draft);
        Single(issues, IssueCode.NoCategory);
        Assert.IsTrue(issues.Any(i => i.Code == IssueCode.Required && i.FieldId == "identity.name" && i.Message == "姓名：必填，请填写"));
        Assert.IsFalse(issues.Any(i => i.FieldId is not null && i.FieldId.StartsWith("module", StringComparison.Ordinal)), "modules of unselected categories are not required");
        Single(issues, IssueCode.PhotoMissing);
        Single(issues, IssueCode.SignatureMissing);
        Assert.IsFalse(RecordValidator.ReadyToSign(issues));
    }

    [TestMethod]
    public void Validate_ModuleValueWithoutItsCategory_IsNotApplicable()
    {
        var issue = Single(ValidateSigned(Sample.With("module9.deceasedName", "李某")), IssueCode.NotApplicable);
        Assert.AreEqual("module9.deceasedName", issue.FieldId);
        StringAssert.Contains(issue.Message, "（9）烈士遗属");
    }

    [TestMethod]
    public void Validate_ConditionalFieldWhenConditionFails_IsNotApplicable()
    {
        var record = Sample.With("living.hasHousing", "false");
        var issues = ValidateSigned(record);
        var fields = issues.Where(i => i.Code == IssueCode.NotApplicable).Select(i => i.FieldId).ToList();
        CollectionAssert.AreEquivalent(new[] { "living.housingType", "living.housingArea" }, fields);
        StringAssert.Contains(issues.First(i => i.FieldId == "living.housingType").Message, "“有无住房”为是");
    }

    [TestMethod]
    public void Validate_ConditionalFieldWhenConditionHolds_IsRequired()
    {
        var issue = Single(ValidateSigned(Sample.With("living.employer", null)), IssueCode.Required);
        Assert.AreEqual("living.employer", issue.FieldId);
    }

    [TestMethod]
    [DataRow("identity.nation", "99", IssueCode.UnknownCode, "民族：")]
    [DataRow("identity.birthDate", "1965/03/12", IssueCode.BadFormat, "出生日期：应为日期")]
    [DataRow("module7.grade", "11", IssueCode.OutOfRange, "残疾等级：数值不能大于10")]
    [DataRow("module7.grade", "0", IssueCode.OutOfRange, "残疾等级：数值不能小于1")]
    [DataRow("module7.grade", "六", IssueCode.BadFormat, "残疾等级：应为整数")]
    [DataRow("living.housingArea", "85,5", IssueCode.BadFormat, "住房面积（平方米）：应为数字")]
    [DataRow("living.hasHousing", "yes", IssueCode.BadFormat, "有无住房：应为“是”或“否”")]
    [DataRow("benefits.socialInsurance", "3,1", IssueCode.BadFormat, "社会保险：选项重复或未按列表顺序排列")]
    [DataRow("benefits.socialInsurance", "1,9", IssueCode.UnknownCode, "社会保险：“9”不是可选项")]
    [DataRow("personal.phone", "12345", IssueCode.BadFormat, "联系电话：应为11位手机号码")]
    [DataRow("personal.street", "650105099", IssueCode.UnknownCode, "所属街道：")]
    [DataRow("identity.name", " 张建国", IssueCode.BadFormat, "姓名：首尾不能有空格")]
    public void Validate_BadValue_NamesTheFieldAndWhatToFix(string field, string value, IssueCode code, string messageStart)
    {
        var issue = Single(ValidateSigned(Sample.With(field, value)), code);
        Assert.AreEqual(field, issue.FieldId);
        StringAssert.StartsWith(issue.Message, messageStart);
    }

    [TestMethod]
    public void Validate_TooLongText_IsTooLong()
    {
        var issue = Single(ValidateSigned(Sample.With("appeals.text", new string('难', 1001))), IssueCode.TooLong);
        StringAssert.Contains(issue.Message, "最多1000个字");
    }

    [TestMethod]
    public void Validate_UnknownField_IsReported() =>
        Assert.AreEqual("identity.nickname", Single(ValidateSigned(Sample.With("identity.nickname", "老张")), IssueCode.UnknownField).FieldId);

    [TestMethod]
    public void Validate_UnknownFormVersion_Throws() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => RecordValidator.Validate(Sample with { FormVersion = "2099.1" }));

    [TestMethod]
    public void Validate_SevenWithoutMain_IsTheCategoryRule()
    {
        var record = Sample with { Categories = CategorySet.Of(Category.DisabledServiceman) };
        Single(ValidateSigned(record), IssueCode.DisabledServicemanAlone);
    }

    [TestMethod]
    public void Validate_ChangeAfterSigning_IsSignatureMismatch()
    {
        var issues = RecordValidator.Validate(Sample.With("living.employment", "5").With("living.employer", null));
        Single(issues, IssueCode.SignatureContentMismatch);
        Assert.IsFalse(RecordValidator.ReadyToFinalize(issues));
        Assert.IsEmpty(ValidateSigned(Sample.With("living.employment", "5").With("living.employer", null)), "signed again, it passes");
    }

    [TestMethod]
    public void Validate_ReadyToSign_IgnoresOnlyTheMissingSignature()
    {
        var unsigned = RecordValidator.Validate(Sample with { Signature = null });
        Assert.AreEqual(IssueCode.SignatureMissing, unsigned.Single().Code);
        Assert.IsTrue(RecordValidator.ReadyToSign(unsigned));
        Assert.IsFalse(RecordValidator.ReadyToFinalize(unsigned));
    }
}
