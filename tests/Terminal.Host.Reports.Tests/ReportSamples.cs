using Terminal.Host.Reports.Data;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Testing;

namespace Terminal.Host.Reports.Tests;

/// <summary>Records and report data shared by the tests: variations of the sample record.</summary>
internal static class ReportSamples
{
    private static readonly string[] Names = ["王芳", "李建华", "买买提·艾力", "古丽娜尔", "刘洋", "陈志强", "马秀兰", "阿依古丽·吐尔逊", "赵磊", "孙丽"];
    private static readonly string[] Streets = ["650105002", "650105005", "650105006", "650105007", "650105014"];
    private static readonly string[] Nations = ["01", "05", "03", "17", "01", "01", "03", "05", "01", "29"];

    /// <summary>The n-th of a varied set of valid-looking records: different names, streets, nations, ages, categories.</summary>
    public static Record Subject(int n)
    {
        var baseRecord = SampleRecords.DisabledDischargedSoldier();
        var birth = new DateOnly(1930 + n * 7 % 60, 1 + n % 12, 1 + n % 28);
        var categories = (n % 4) switch
        {
            0 => CategorySet.Of(Category.DischargedSoldier, Category.DisabledServiceman),
            1 => CategorySet.Of(Category.TransferredOfficer),
            2 => CategorySet.Of(Category.MartyrSurvivor),
            _ => CategorySet.Of(Category.DemobilizedServiceman, Category.ActiveServiceFamily),
        };
        return (baseRecord with { RecordId = new Guid(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), Categories = categories, CollectionPointCode = $"650105-0{1 + n % 8}" })
            .With("identity.name", Names[n % Names.Length] + (n >= Names.Length ? (n / Names.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))
            .With("identity.birthDate", birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .With("identity.idNumber", SampleRecords.IdNumberFor(birth, 11 + 2 * (n % 400)))
            .With("identity.nation", Nations[n % Nations.Length])
            .With("personal.street", Streets[n % Streets.Length])
            .With("identity.address", $"新疆乌鲁木齐市水磨沟区南湖北路{100 + n % 37}号")
            .With("appeals.topics", (n % 3) switch { 0 => "1,3", 1 => "4", _ => null });
    }

    /// <summary>The report data of <paramref name="count"/> subjects.</summary>
    public static CollectionReportData Data(int count)
    {
        var counts = new ReportCounts("650105");
        for (var i = 0; i < count; i++)
        {
            counts.Add(Subject(i));
        }
        return counts.ToReportData(new DateOnly(2018, 12, 10), new QualityFigures
        {
            RecordsReceived = count, Accepted = count - 7, ProblemData = 3, MissingData = 4, SuspectedDuplicates = 2,
            RuleViolations = 1, PhotoProblems = 1, SignatureMismatches = 0, CorrectionsClosed = 5, CorrectionsOpen = 2, CrossCheckOpen = 6,
        });
    }

    /// <summary>A folder for the PDFs and spreadsheets a test run leaves to be looked at.</summary>
    public static string OutputFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "report-output");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
