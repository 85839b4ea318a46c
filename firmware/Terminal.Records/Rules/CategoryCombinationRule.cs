using Terminal.Records.Categories;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// The multi-select rules of the twelve categories, seed 001 §三(二)1:
/// "上述身份类别可复选，但(1)至(6)不可复选，只能择其一；(7)和(8)只能择其一，不能复选；(7)“残疾军人”不可单选，
/// 如选择(7)，则须与(1)至(6)项复选；(8)不可与(1)至(6)复选；(9)至(12)可复选，且在遵守前述复选规则的情况下，
/// 可与(1)至(8)复选。" — and "采集工作人员须根据采集对象有关证件确定对象类别后，勾选有关内容", so at least one.
/// </summary>
public static class CategoryCombinationRule
{
    /// <summary>The field id findings of this rule are reported against.</summary>
    public const string FieldId = "categories";

    /// <summary>Every rule the selection breaks, in the order the seed states them; empty when it is allowed.</summary>
    public static IReadOnlyList<RecordIssue> Check(CategorySet selected)
    {
        var issues = new List<RecordIssue>();
        if (selected.IsEmpty)
        {
            issues.Add(RecordIssue.Error(IssueCode.NoCategory, FieldId,
                "对象类别：请根据采集对象的证件至少勾选一类（1至12）"));
            return issues;
        }
        var main = selected.Range(1, 6);
        if (main.Count > 1)
        {
            issues.Add(RecordIssue.Error(IssueCode.MoreThanOneMainCategory, FieldId,
                $"对象类别：（1）至（6）只能选择其一，现在选了{Labels(main)}，请只保留一项"));
        }
        var disabledServiceman = selected.Contains(Category.DisabledServiceman);
        var disabledMilitiaman = selected.Contains(Category.DisabledMilitiaman);
        if (disabledServiceman && disabledMilitiaman)
        {
            issues.Add(RecordIssue.Error(IssueCode.DisabledServicemanWithMilitiaman, FieldId,
                "对象类别：（7）残疾军人和（8）伤残民兵民工只能选择其一，请去掉其中一项"));
        }
        if (disabledServiceman && main.IsEmpty)
        {
            issues.Add(RecordIssue.Error(IssueCode.DisabledServicemanAlone, FieldId,
                "对象类别：（7）残疾军人不可单独选择，须同时选择（1）至（6）中的一项（如退役士兵）"));
        }
        if (disabledMilitiaman && !main.IsEmpty)
        {
            issues.Add(RecordIssue.Error(IssueCode.DisabledMilitiamanWithMainCategory, FieldId,
                $"对象类别：（8）伤残民兵民工不可与（1）至（6）同时选择，请去掉{Labels(main)}或（8）"));
        }
        return issues;
    }

    /// <summary>True when the selection breaks none of the rules.</summary>
    public static bool IsAllowed(CategorySet selected) => Check(selected).Count == 0;

    private static string Labels(CategorySet set) => string.Concat(set.Members().Select(CategoryNames.Label));
}
