using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// The rank class during service (服役期间身份：军官/士官/义务兵) must fit the category, by the seed's definitions:
/// seed 001 §二(一) "军队转业干部。指退出现役作转业安置的军官"; §二(二) 退役士兵 are 义务兵 and 士官, so the rank
/// held at discharge decides which; §二(三) "军队离退休干部和退休士官" — 干部 were officers, 退休士官 sergeants;
/// §二(六) the second group of 复员军人 are "军官和文职干部".
/// </summary>
public static class RankClassRule
{
    private const string Field = "personal.rankClass";
    private const string Officer = "1";
    private const string Sergeant = "2";
    private const string Conscript = "3";

    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        var rank = record.Text(Field);
        if (rank is null)
        {
            yield break;
        }
        var expected = Expected(record);
        if (expected is not null && expected.Value.Rank != rank)
        {
            var name = form.CodeName("rankClass", expected.Value.Rank);
            yield return RecordIssue.Error(IssueCode.RankClassMismatch, Field,
                $"服役期间身份：{expected.Value.Why}，应为“{name}”，请核对服役期间身份或对象类别");
        }
    }

    private static (string Rank, string Why)? Expected(Record record)
    {
        var c = record.Categories;
        if (c.Contains(Category.TransferredOfficer))
        {
            return (Officer, "军队转业干部是作转业安置的军官");
        }
        if (c.Contains(Category.DischargedSoldier) && record.Text("module2.rank") is { } soldierRank)
        {
            return soldierRank == "1" ? (Conscript, "退役时衔级为义务兵") : (Sergeant, "退役时衔级为士官");
        }
        if (c.Contains(Category.RetiredCadreOrSergeant) && record.Text("module3.retirementType") is { } type)
        {
            return type == "3" ? (Sergeant, "军休类别为退休士官") : (Officer, "军休类别为离休或退休干部");
        }
        if (c.Contains(Category.DemobilizedServiceman) && record.Text("module5.type") == "2")
        {
            return (Officer, "按复员方式安置的是军官和文职干部");
        }
        return null;
    }
}
