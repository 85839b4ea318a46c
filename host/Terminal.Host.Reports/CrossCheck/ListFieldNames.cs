namespace Terminal.Host.Reports.CrossCheck;

/// <summary>The Chinese names of the list fields, as the mapping screen and messages show them.</summary>
public static class ListFieldNames
{
    /// <summary>"身份证号码" for <see cref="ListField.IdNumber"/>.</summary>
    public static string Name(ListField field) => field switch
    {
        ListField.IdNumber => "身份证号码",
        ListField.Name => "姓名",
        ListField.BirthDate => "出生日期",
        ListField.Sex => "性别",
        ListField.Category => "对象类别",
        ListField.Address => "住址",
        ListField.DeathDate => "死亡日期",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a list field"),
    };
}
