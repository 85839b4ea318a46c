using System.Globalization;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Records.Model;

namespace Terminal.Testing.Soak;

/// <summary>The day's subjects and their ID cards.</summary>
public static class SoakSubjects
{
    private static readonly string[] Names = ["王芳", "李建华", "买买提·艾力", "古丽娜尔", "刘洋", "陈志强", "马秀兰", "阿依古丽·吐尔逊", "赵磊", "孙丽"];

    /// <summary>
    /// The n-th subject: the sample record (a disabled discharged soldier, valid to finalize) under another name and
    /// ID number; born on or a few days before the sample's birthday so that the service dates stay after the birth.
    /// Distinct for every n below 400 × 365.
    /// </summary>
    public static Record Subject(int n)
    {
        var birth = new DateOnly(1965, 3, 12).AddDays(-(n / 400));
        return SampleRecords.DisabledDischargedSoldier()
            .With("identity.name", Names[n % Names.Length] + (n / Names.Length).ToString(CultureInfo.InvariantCulture))
            .With("identity.birthDate", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("identity.idNumber", SampleRecords.IdNumberFor(birth, 11 + 2 * (n % 400)))
            .With("identity.address", $"新疆乌鲁木齐市水磨沟区南湖北路{100 + n % 37}号");
    }

    /// <summary>The subject's ID card as the card simulator holds it.</summary>
    public static SimulatedCard CardOf(Record subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new()
        {
            Name = subject.Text("identity.name")!,
            Sex = subject.Text("identity.sex") ?? "1",
            Nation = subject.Text("identity.nation") ?? "01",
            Birth = DateOnly.Parse(subject.Text("identity.birthDate")!, CultureInfo.InvariantCulture).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            Address = subject.Text("identity.address"),
            IdNumber = subject.Text("identity.idNumber")!,
            Authority = "乌鲁木齐市公安局水磨沟区分局",
            ValidFrom = "20200101",
            ValidUntil = "长期",
        };
    }
}
