using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Identity;
using Terminal.Records.Model;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>One collected subject as the cross-check sees it (the current version of a record).</summary>
public sealed record CrossCheckSubject(Guid RecordId, string? IdNumber, string Name, DateOnly? BirthDate, Sex? Sex, CategorySet Categories, string? Address)
{
    /// <summary>The subject of a record.</summary>
    public static CrossCheckSubject From(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        DateOnly? birth = FieldValueFormat.TryParseDate(record.Text("identity.birthDate"), out var b) ? b : null;
        Sex? sex = record.Text("identity.sex") switch { "1" => Records.Identity.Sex.Male, "2" => Records.Identity.Sex.Female, _ => null };
        return new CrossCheckSubject(record.RecordId, record.Text("identity.idNumber"), record.Text("identity.name") ?? "", birth, sex, record.Categories, record.Text("identity.address"));
    }
}
