using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// 国家供养退役士兵, seed 001 §二(二)4: "指被评定为 1-4 级残疾等级退出现役，由国家供养终身的义务兵和初级士官，
/// 以及因战因公致残被评定为 1-4级残疾等级，本人自愿放弃退休安置，选择由国家供养的中级以上士官". So the subject is
/// also a 残疾军人 (7) of grade 1–4, and a sergeant above junior rank only when disabled 因战 or 因公.
/// </summary>
public static class StateSupportRule
{
    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        if (!record.Categories.Contains(Category.DischargedSoldier) || record.Text("module2.resettlement") != "4")
        {
            yield break;
        }
        const string Field = "module2.resettlement";
        if (!record.Categories.Contains(Category.DisabledServiceman))
        {
            yield return RecordIssue.Error(IssueCode.StateSupportNeedsGrade1To4, Field,
                "安置方式：国家供养的退役士兵须被评定为1至4级残疾，请同时勾选（7）残疾军人并填写残疾等级，或核对安置方式");
            yield break;
        }
        if (int.TryParse(record.Text("module7.grade"), System.Globalization.CultureInfo.InvariantCulture, out var grade) && grade > 4)
        {
            yield return RecordIssue.Error(IssueCode.StateSupportNeedsGrade1To4, Field,
                $"安置方式：国家供养的退役士兵须为1至4级残疾，所填残疾等级为{grade}级，请核对");
        }
        if (record.Text("module2.rank") is "3" or "4" && record.Text("module7.nature") == "3")
        {
            yield return RecordIssue.Error(IssueCode.StateSupportNeedsGrade1To4, Field,
                "安置方式：中级以上士官只有因战、因公致残才可选择国家供养，所填残疾性质为因病，请核对");
        }
    }
}
