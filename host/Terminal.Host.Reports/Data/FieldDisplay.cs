using Terminal.Records.Codes;
using Terminal.Records.Forms;
using Terminal.Records.Model;

namespace Terminal.Host.Reports.Data;

/// <summary>How a field's canonical value is printed for people: a code as its name, several codes joined by "、",
/// yes/no as 是/否, a date as 1965年3月12日, a street code as the street's name.</summary>
public static class FieldDisplay
{
    /// <summary>The printed text of a field's value ("" when the record has none).</summary>
    public static string Text(FormDefinition form, FieldDefinition field, Record record)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(record);
        var value = record.Text(field.Id);
        if (value is null)
        {
            return "";
        }
        return field.Type switch
        {
            FieldType.Code => form.CodeName(field.CodeList!, value) ?? value,
            FieldType.Codes => string.Join("、", value.Split(',').Select(c => form.CodeName(field.CodeList!, c) ?? c)),
            FieldType.Boolean => value == "true" ? "是" : value == "false" ? "否" : value,
            FieldType.Date => FieldValueFormat.TryParseDate(value, out var d) ? d.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) : value,
            FieldType.Street => AdministrativeDivisions.TryGetArea(value, out var street) ? street.Name : value,
            _ => value,
        };
    }

    /// <summary>"现场采集" for <see cref="CollectionMode.OnSite"/>.</summary>
    public static string ModeName(CollectionMode mode) => mode switch
    {
        CollectionMode.OnSite => "现场采集",
        CollectionMode.HomeVisit => "入户采集",
        CollectionMode.SelfDeclared => "自主申报",
        _ => mode.ToString(),
    };

    /// <summary>The collection point's name ("南湖北采集点"), or its code when the district's table lacks it.</summary>
    public static string CollectionPointName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var district = code.Split('-')[0];
        return CollectionPoints.Of(district).FirstOrDefault(p => p.Code == code)?.Name ?? code;
    }
}
