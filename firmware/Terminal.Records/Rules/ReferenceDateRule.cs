using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// The reference date (标准时点), seed 001 §二: "本次信息采集的标准时点为截至 2018 年 10 月 1 日", and §四(三)4:
/// "之后新增加的采集对象，应根据本次信息采集工作要求随时采集". A subject who became one after the reference date
/// (discharged, retired, or bereaved later) is collected all the same and marked, so reports can count the
/// collection as of the reference date and the later additions apart.
/// </summary>
public static class ReferenceDateRule
{
    /// <summary>True when the record's subject qualified after the form's reference date.</summary>
    public static bool QualifiedAfterReferenceDate(Record record, FormDefinition form) => QualifyingDate(record) is { } d && d > form.ReferenceDate;

    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        if (QualifyingDate(record) is { } d && d > form.ReferenceDate)
        {
            yield return RecordIssue.Notice(IssueCode.AfterReferenceDate, null,
                $"该对象于{d:yyyy年M月d日}取得身份，晚于标准时点{form.ReferenceDate:yyyy年M月d日}，按新增对象采集");
        }
    }

    /// <summary>The date from which each category holds, by the field that records it; (12) has none.</summary>
    private static string? QualifyingField(Category category) => (int)category switch
    {
        >= 1 and <= 7 => "personal.dischargeDate",
        8 => "module8.injuredOn",
        9 => "module9.deathDate",
        10 => "module10.deathDate",
        11 => "module11.deathDate",
        _ => null,
    };

    /// <summary>
    /// The date from which the subject belongs to any of its categories: the earliest of their dates, or null
    /// when some selected category has no date in the record (it may have held all along).
    /// </summary>
    private static DateOnly? QualifyingDate(Record record)
    {
        DateOnly? earliest = null;
        foreach (var category in record.Categories.Members())
        {
            if (QualifyingField(category) is not { } field || record.Date(field) is not { } d)
            {
                return null;
            }
            earliest = earliest is { } e && e < d ? e : d;
        }
        return earliest;
    }
}
