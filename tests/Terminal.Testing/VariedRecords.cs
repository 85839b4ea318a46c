using System.Globalization;
using Terminal.Records.Categories;
using Terminal.Records.Model;

namespace Terminal.Testing;

/// <summary>Many different valid-looking records, made from the sample record: for the district's reports, exports
/// and cross-checks, in tests and in the bench.</summary>
public static class VariedRecords
{
    private static readonly string[] Names = ["王芳", "李建华", "买买提·艾力", "古丽娜尔", "刘洋", "陈志强", "马秀兰", "阿依古丽·吐尔逊", "赵磊", "孙丽"];
    private static readonly string[] Streets = ["650105002", "650105005", "650105006", "650105007", "650105014"];
    private static readonly string[] Nations = ["01", "05", "03", "17", "01", "01", "03", "05", "01", "29"];

    private static readonly Record Base = SampleRecords.DisabledDischargedSoldier();

    /// <summary>The n-th record: names, streets, ethnic groups, ages, categories, collection points and appeals vary with n.</summary>
    public static Record Subject(int n)
    {
        var baseRecord = Base;
        var birth = new DateOnly(1930 + n * 7 % 60, 1 + n % 12, 1 + n % 28);
        var categories = (n % 4) switch
        {
            0 => CategorySet.Of(Category.DischargedSoldier, Category.DisabledServiceman),
            1 => CategorySet.Of(Category.TransferredOfficer),
            2 => CategorySet.Of(Category.MartyrSurvivor),
            _ => CategorySet.Of(Category.DemobilizedServiceman, Category.ActiveServiceFamily),
        };
        return (baseRecord with { RecordId = new Guid(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), Categories = categories, CollectionPointCode = $"650105-0{1 + n % 8}" })
            .With("identity.name", Names[n % Names.Length] + (n >= Names.Length ? (n / Names.Length).ToString(CultureInfo.InvariantCulture) : ""))
            .With("identity.birthDate", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("identity.idNumber", SampleRecords.IdNumberFor(birth, 11 + 2 * (n % 400)))
            .With("identity.nation", Nations[n % Nations.Length])
            .With("personal.street", Streets[n % Streets.Length])
            .With("identity.address", $"新疆乌鲁木齐市水磨沟区南湖北路{100 + n % 37}号")
            .With("appeals.topics", (n % 3) switch { 0 => "1,3", 1 => "4", _ => null });
    }
}
