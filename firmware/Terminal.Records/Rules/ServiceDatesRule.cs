using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// Dates must be possible: none after the collection date but a card's expiry, none of the subject's own life
/// before the subject's birth, and enlistment (joining work) before discharge (retirement). Seed 001 §四(一)1:
/// "信息数据准确无差错"; seed 000 §五(一) names the dates.
/// </summary>
public static class ServiceDatesRule
{
    /// <summary>Dates of the subject's own life: none may precede the birth date.</summary>
    private static readonly string[] OwnLifeDates =
    [
        "personal.enlistmentDate", "personal.dischargeDate", "module1.resettlementDate",
        "module7.assessedOn", "module8.injuredOn", "identity.validFrom",
    ];

    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        foreach (var field in form.Fields.Where(f => f.Type == FieldType.Date && f.Id != "identity.validUntil"))
        {
            if (record.Date(field.Id) is { } d && d > record.CollectedOn)
            {
                yield return RecordIssue.Error(IssueCode.DateInFuture, field.Id,
                    $"{field.Label}：{d:yyyy年M月d日}晚于采集日期{record.CollectedOn:yyyy年M月d日}，请核对");
            }
        }
        if (record.Date("identity.birthDate") is { } birth)
        {
            foreach (var id in OwnLifeDates.Where(form.TryGetFieldId))
            {
                if (record.Date(id) is { } d && d < birth)
                {
                    yield return RecordIssue.Error(IssueCode.DatesOutOfOrder, id,
                        $"{form.Label(id)}：{d:yyyy年M月d日}早于出生日期{birth:yyyy年M月d日}，请核对");
                }
            }
        }
        if (record.Date("personal.enlistmentDate") is { } enlisted && record.Date("personal.dischargeDate") is { } discharged && discharged < enlisted)
        {
            yield return RecordIssue.Error(IssueCode.DatesOutOfOrder, "personal.dischargeDate",
                $"{form.Label("personal.dischargeDate")}：{discharged:yyyy年M月d日}早于{form.Label("personal.enlistmentDate")}{enlisted:yyyy年M月d日}，请核对");
        }
    }

    private static bool TryGetFieldId(this FormDefinition form, string id) => form.TryGetField(id, out _);
}
