using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// 复员军人, seed 001 §二(六): the old group "指在 1954 年 10 月 31 日之前入伍、后经批准从部队复员的人员": a subject
/// recorded in that group must have enlisted on or before 1954-10-31.
/// </summary>
public static class DemobilizedTypeRule
{
    /// <summary>The last enlistment date of the old group.</summary>
    public static readonly DateOnly OldGroupEnlistedBy = new(1954, 10, 31);

    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        if (record.Categories.Contains(Category.DemobilizedServiceman)
            && record.Text("module5.type") == "1"
            && record.Date("personal.enlistmentDate") is { } enlisted
            && enlisted > OldGroupEnlistedBy)
        {
            yield return RecordIssue.Error(IssueCode.DemobilizedTypeMismatch, "module5.type",
                $"人员类别：老复员军人是1954年10月31日之前入伍的人员，而入伍时间为{enlisted:yyyy年M月d日}，请核对");
        }
    }
}
