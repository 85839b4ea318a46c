using Terminal.Records.Model;

namespace Terminal.Host.Reports.Exports;

/// <summary>
/// One subject as a row of the summary data, in the national code tables: sex GB/T 2261.1, ethnic group GB/T 3304,
/// political status GB/T 4762, street the 9-digit GB/T 2260/NBS code, categories 1–12 (seed 001 §三), collection mode
/// 1–3, appeal topics the form's codes. Made from a record's current version (<see cref="From"/>).
/// </summary>
public sealed record SubjectRow(
    Guid RecordId,
    int Version,
    string IdNumber,
    string Name,
    string SexCode,
    string NationCode,
    DateOnly? BirthDate,
    string PoliticalStatusCode,
    string HouseholdTypeCode,
    string StreetCode,
    string CollectionPointCode,
    string CategoryCodes,
    int ModeCode,
    DateOnly CollectedOn,
    string Address,
    string Phone,
    string AppealTopicCodes)
{
    /// <summary>The columns' headings, each naming its code table, in the order of <see cref="Cells"/>.</summary>
    public static readonly IReadOnlyList<string> Headings =
    [
        "记录编号", "版本", "身份证号码", "姓名", "性别代码(GB/T 2261.1)", "民族代码(GB/T 3304)", "出生日期",
        "政治面貌代码(GB/T 4762)", "户籍类别代码", "所属街道代码(GB/T 2260)", "采集点代码", "对象类别代码(1-12,可复选)",
        "采集方式代码(1现场 2入户 3自主申报)", "采集日期", "住址", "联系电话", "诉求方面代码(可复选)",
    ];

    /// <summary>The row of a record.</summary>
    public static SubjectRow From(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string T(string id) => record.Text(id) ?? "";
        DateOnly? birth = Terminal.Records.Forms.FieldValueFormat.TryParseDate(record.Text("identity.birthDate"), out var b) ? b : null;
        return new SubjectRow(record.RecordId, record.Version, T("identity.idNumber"), T("identity.name"), T("identity.sex"), T("identity.nation"), birth,
            T("personal.politicalStatus"), T("personal.householdType"), T("personal.street"), record.CollectionPointCode, record.Categories.ToString(),
            (int)record.Mode, record.CollectedOn, T("identity.address"), T("personal.phone"), T("appeals.topics"));
    }

    /// <summary>The cells as text (dates yyyy-MM-dd), unneutralised: writers neutralise text cells.</summary>
    public IReadOnlyList<string> Cells() =>
    [
        RecordId.ToString("D"), Version.ToString(System.Globalization.CultureInfo.InvariantCulture), IdNumber, Name, SexCode, NationCode,
        BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", PoliticalStatusCode, HouseholdTypeCode,
        StreetCode, CollectionPointCode, CategoryCodes, ModeCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CollectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Address, Phone, AppealTopicCodes,
    ];
}
