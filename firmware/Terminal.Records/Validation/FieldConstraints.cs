using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Identity;
using Terminal.Records.Model;

namespace Terminal.Records.Validation;

/// <summary>
/// Checks the constraints the form definition declares as data: required, "only when", type, code list,
/// range, length; and values for fields the form does not have.
/// </summary>
public static class FieldConstraints
{
    /// <summary>True when the field applies to the record: its module's category is selected and its condition holds.</summary>
    public static bool Applies(FieldDefinition field, Record record, FormDefinition form)
    {
        var section = form.SectionOf(field.Id);
        if (section.Category is { } c && !record.Categories.Contains((Category)c))
        {
            return false;
        }
        return field.When?.Holds(record) ?? true;
    }

    /// <summary>Every finding about the record's values against the form's declared constraints.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        foreach (var (id, _) in record.Values)
        {
            if (!form.TryGetField(id, out _))
            {
                yield return RecordIssue.Error(IssueCode.UnknownField, id, $"采集表{form.Version}版没有“{id}”这一项，请删除该内容");
            }
        }
        foreach (var field in form.Fields)
        {
            var value = record.Text(field.Id);
            var applies = Applies(field, record, form);
            if (value is null)
            {
                if (applies && field.Required)
                {
                    yield return RecordIssue.Error(IssueCode.Required, field.Id, $"{field.Label}：必填，请填写");
                }
                continue;
            }
            if (!applies)
            {
                yield return RecordIssue.Error(IssueCode.NotApplicable, field.Id, NotApplicableMessage(field, form));
                continue;
            }
            if (CheckValue(field, value, record, form) is { } issue)
            {
                yield return issue;
            }
        }
    }

    private static string NotApplicableMessage(FieldDefinition field, FormDefinition form)
    {
        var section = form.SectionOf(field.Id);
        if (section.Category is { } c && field.When is null)
        {
            return $"{field.Label}：属于{CategoryNames.Label((Category)c)}的信息，但未勾选该类别。请勾选该类别或清除此项";
        }
        return $"{field.Label}：仅在{field.When!.Describe(form)}时填写，请清除此项或核对前面的选择";
    }

    private static RecordIssue? CheckValue(FieldDefinition field, string value, Record record, FormDefinition form)
    {
        if (!FieldValueFormat.TryValidate(field, value, out var code, out var problem))
        {
            return RecordIssue.Error(code, field.Id, $"{field.Label}：{problem}");
        }
        switch (field.Type)
        {
            case FieldType.Code:
                return form.CodeName(field.CodeList!, value) is null
                    ? RecordIssue.Error(IssueCode.UnknownCode, field.Id, $"{field.Label}：“{value}”不是可选项，请从列表中选择")
                    : null;
            case FieldType.Codes:
                return CheckCodes(field, value, form);
            case FieldType.IdNumber:
                return IdNumber.TryParse(value, record.CollectedOn, out var id, out var error)
                    ? id.Value == value ? null : RecordIssue.Error(IssueCode.BadFormat, field.Id, $"{field.Label}：应写作{id.Value}")
                    : RecordIssue.Error(IssueCode.IdNumberInvalid, field.Id, error.Message.Replace("身份证号码", field.Label, StringComparison.Ordinal));
            case FieldType.Street:
                return Codes.AdministrativeDivisions.TryGetArea(value, out var area) && area.Level == Codes.AreaLevel.Street
                    ? null
                    : RecordIssue.Error(IssueCode.UnknownCode, field.Id, $"{field.Label}：“{value}”不是本区的街道代码，请从列表中选择");
            default:
                return null;
        }
    }

    private static RecordIssue? CheckCodes(FieldDefinition field, string value, FormDefinition form)
    {
        var list = form.CodeLists[field.CodeList!].Codes;
        var parts = value.Split(',');
        var last = -1;
        foreach (var part in parts)
        {
            var index = IndexOf(list, part);
            if (index < 0)
            {
                return RecordIssue.Error(IssueCode.UnknownCode, field.Id, $"{field.Label}：“{part}”不是可选项，请从列表中选择");
            }
            if (index <= last)
            {
                return RecordIssue.Error(IssueCode.BadFormat, field.Id, $"{field.Label}：选项重复或未按列表顺序排列");
            }
            last = index;
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<CodeEntry> list, string code)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Code == code)
            {
                return i;
            }
        }
        return -1;
    }
}
