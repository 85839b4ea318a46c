using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// Resettlement methods that the seed ties to a date of discharge:
/// seed 001 §二(一) "其中自主择业干部限于 2001 年 1 月 19 日以后转业安置的干部" and
/// "企业军转干部是指 2000 年 12 月 31 日之前退出现役并安置在企业的军队干部";
/// §二(二)3 "自谋职业退役士兵：指退役士兵安置条例(国务院、中央军委第 608 号令)颁布实施前…" (the regulation
/// took effect on 2011-11-01).
/// </summary>
public static class ResettlementDateRule
{
    /// <summary>自主择业 applies to officers transferred on or after this date.</summary>
    public static readonly DateOnly SelfChosenCareerFrom = new(2001, 1, 19);

    /// <summary>企业军转干部 left active service on or before this date.</summary>
    public static readonly DateOnly EnterpriseCadreUntil = new(2000, 12, 31);

    /// <summary>The 退役士兵安置条例 (order 608) took effect on this date; 自谋职业 soldiers left before it.</summary>
    public static readonly DateOnly Order608InForce = new(2011, 11, 1);

    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        if (record.Date("personal.dischargeDate") is not { } discharged)
        {
            yield break;
        }
        if (record.Categories.Contains(Category.TransferredOfficer))
        {
            var method = record.Text("module1.resettlement");
            if (method == "2" && discharged < SelfChosenCareerFrom)
            {
                yield return Mismatch("module1.resettlement", $"自主择业限于2001年1月19日以后转业安置的干部，而退伍时间为{discharged:yyyy年M月d日}");
            }
            if (method == "4" && discharged > EnterpriseCadreUntil)
            {
                yield return Mismatch("module1.resettlement", $"企业军转干部是2000年12月31日之前退出现役的干部，而退伍时间为{discharged:yyyy年M月d日}");
            }
        }
        if (record.Categories.Contains(Category.DischargedSoldier) && record.Text("module2.resettlement") == "3" && discharged >= Order608InForce)
        {
            yield return Mismatch("module2.resettlement", $"自谋职业是《退役士兵安置条例》2011年11月1日施行前的安置方式，而退伍时间为{discharged:yyyy年M月d日}");
        }
    }

    private static RecordIssue Mismatch(string field, string why) =>
        RecordIssue.Error(IssueCode.ResettlementDateMismatch, field, $"安置方式：{why}，请核对安置方式或退伍时间");
}
