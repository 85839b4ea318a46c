using System.Globalization;
using System.Text.RegularExpressions;
using Terminal.Records.Validation;

namespace Terminal.Records.Forms;

/// <summary>
/// The canonical text form of each field type (CANONICAL.md §values): checks that a value is well-formed for
/// its type and range. Code membership is checked against the form's code lists by the validator.
/// </summary>
public static partial class FieldValueFormat
{
    /// <summary>The text a long-term ID card validity is recorded as.</summary>
    public const string LongTerm = "长期";

    /// <summary>Reads a canonical date "yyyy-MM-dd".</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Writes a canonical date.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// True when <paramref name="value"/> is well-formed for <paramref name="field"/>'s type and within its
    /// min/max/maxLength; otherwise false with a Chinese phrase saying what is expected (without the label).
    /// </summary>
    public static bool TryValidate(FieldDefinition field, string value, out IssueCode code, out string problem)
    {
        problem = "";
        code = IssueCode.BadFormat;
        switch (field.Type)
        {
            case FieldType.Text:
                if (value != value.Trim())
                {
                    problem = "首尾不能有空格";
                    return false;
                }
                if (field.MaxLength is { } max && value.Length > max)
                {
                    problem = $"最多{max}个字，现在有{value.Length}个字，请删减";
                    code = IssueCode.TooLong;
                    return false;
                }
                return true;
            case FieldType.Date:
                if (field.AllowLongTerm && value == LongTerm)
                {
                    return true;
                }
                if (!TryParseDate(value, out var date))
                {
                    problem = field.AllowLongTerm ? "应为日期（如2018-10-01）或“长期”" : "应为日期，如2018-10-01";
                    return false;
                }
                code = IssueCode.OutOfRange;
                return InRange(field, date, TryParseDate, "日期", out problem);
            case FieldType.Integer:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    || n.ToString(CultureInfo.InvariantCulture) != value)
                {
                    problem = "应为整数";
                    return false;
                }
                code = IssueCode.OutOfRange;
                return InRange(field, n, (string? s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v), "数值", out problem);
            case FieldType.Decimal:
                if (!DecimalPattern().IsMatch(value)
                    || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
                {
                    problem = "应为数字（小数点用“.”，最多两位小数）";
                    return false;
                }
                code = IssueCode.OutOfRange;
                return InRange(field, d, (string? s, out decimal v) => decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v), "数值", out problem);
            case FieldType.Boolean:
                if (value is not ("true" or "false"))
                {
                    problem = "应为“是”或“否”";
                    return false;
                }
                return true;
            case FieldType.Phone:
                if (!PhonePattern().IsMatch(value))
                {
                    problem = "应为11位手机号码（如13912345678）或带区号的固定电话（如0991-1234567）";
                    return false;
                }
                return true;
            case FieldType.Street:
                if (value.Length != 9 || !value.All(char.IsAsciiDigit))
                {
                    problem = "应为9位街道代码";
                    return false;
                }
                return true;
            case FieldType.Code:
            case FieldType.Codes:
            case FieldType.IdNumber:
                return true; // checked by the validator against the code list / GB 11643
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Type, "unknown field type");
        }
    }

    private delegate bool Parser<T>(string? text, out T value);

    private static bool InRange<T>(FieldDefinition field, T value, Parser<T> parse, string what, out string problem)
        where T : IComparable<T>
    {
        problem = "";
        if (field.Min is not null && parse(field.Min, out var min) && value.CompareTo(min) < 0)
        {
            problem = $"{what}不能小于{field.Min}";
            return false;
        }
        if (field.Max is not null && parse(field.Max, out var max) && value.CompareTo(max) > 0)
        {
            problem = $"{what}不能大于{field.Max}";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^-?\d{1,9}(\.\d{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
