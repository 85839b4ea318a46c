using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// Who is outside the collection, seed 001 §二(十二): "军队文职人员家属、武警消防部队、武警水电部队、武警黄金部队、
/// 武警森林部队、武警交通部队等待转隶地方的相关武警部队军人家属不在本次采集范围".
/// </summary>
public static class ScopeRule
{
    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        if (record.Categories.Contains(Category.ActiveServiceFamily) && record.Text("module12.force") is "3" or "4")
        {
            var force = form.CodeName("servicemanForce", record.Text("module12.force")!);
            yield return RecordIssue.Error(IssueCode.OutOfScope, "module12.force",
                $"现役军人所在部队：{force}的家属不在本次采集范围，请取消勾选（12）现役军人家属");
        }
    }
}
