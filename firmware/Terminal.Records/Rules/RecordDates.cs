using Terminal.Records.Forms;
using Terminal.Records.Model;

namespace Terminal.Records.Rules;

/// <summary>Reads the dates the rules compare; a missing or malformed date is null (the form reports it).</summary>
internal static class RecordDates
{
    public static DateOnly? Date(this Record record, string fieldId) =>
        FieldValueFormat.TryParseDate(record.Text(fieldId), out var d) ? d : null;

    public static string Label(this FormDefinition form, string fieldId) => form.Field(fieldId).Label;
}
