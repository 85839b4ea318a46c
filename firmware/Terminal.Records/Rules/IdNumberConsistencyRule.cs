using Terminal.Records.Forms;
using Terminal.Records.Identity;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// The ID number agrees with the rest of the identity (seed 001 §五(一): "对于身份信息，应与居民身份证、户口本保持一致";
/// seed 001 §四(二)4 "确保采集时信息与身份证件…信息一致"): GB 11643 structure, its birth date and sex digit against the
/// birth date and sex fields, its area code in the GB/T 2260 table (a warning: abolished codes stay valid for life),
/// and the card's validity on the collection date (an expired card is collected and flagged).
/// </summary>
public static class IdNumberConsistencyRule
{
    private const string IdField = "identity.idNumber";

    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        var text = record.Text(IdField);
        if (text is null)
        {
            yield break; // "required" is the form's business
        }
        var documentType = record.Text("identity.documentType") ?? "1";
        if (documentType == "3")
        {
            if (!ForeignPermanentResidentNumber.IsValid(text))
            {
                yield return RecordIssue.Error(IssueCode.IdNumberInvalid, IdField,
                    "身份证号码：外国人永久居留身份证号码应为18位（以9开头，末位为校验码）或15位（3个字母加12位数字），请核对");
            }
            yield break;
        }
        if (!IdNumber.TryParse(text, record.CollectedOn, out var id, out _))
        {
            yield break; // the field constraint already reports the malformed number with its reason
        }
        if (documentType == "2" && id.AreaCode[..2] is not ("81" or "82" or "83"))
        {
            yield return RecordIssue.Error(IssueCode.IdNumberInvalid, IdField,
                "身份证号码：港澳台居民居住证号码应以81（香港）、82（澳门）或83（台湾）开头，请核对证件类型或号码");
        }
        else if (!id.AreaIsKnown)
        {
            yield return RecordIssue.Warning(IssueCode.IdNumberAreaUnknown, IdField,
                $"身份证号码：前六位地址码{id.AreaCode}不在行政区划代码表中（可能是已撤销的旧代码），请与身份证原件核对后确认");
        }
        if (record.Text("identity.sex") is "1" or "2" && record.Text("identity.sex") != ((int)id.Sex).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var fromNumber = id.Sex == Sex.Male ? "男" : "女";
            yield return RecordIssue.Error(IssueCode.IdNumberSexMismatch, "identity.sex",
                $"性别：身份证号码第17位表示“{fromNumber}”，与所填性别不一致，请核对性别或号码");
        }
        if (FieldValueFormat.TryParseDate(record.Text("identity.birthDate"), out var birth) && birth != id.BirthDate)
        {
            yield return RecordIssue.Error(IssueCode.IdNumberBirthDateMismatch, "identity.birthDate",
                $"出生日期：身份证号码中的出生日期是{id.BirthDate:yyyy年M月d日}，与所填的{birth:yyyy年M月d日}不一致，请核对");
        }
        if (FieldValueFormat.TryParseDate(record.Text("identity.validUntil"), out var until) && until < record.CollectedOn)
        {
            yield return RecordIssue.Warning(IssueCode.IdCardExpired, "identity.validUntil",
                $"有效期限：证件已于{until:yyyy年M月d日}过期。照常采集，请提醒本人及时换领");
        }
    }
}
