namespace Terminal.Storage.Keys;

/// <summary>The rule for an operator's PIN: 6 to 12 digits.</summary>
public static class OperatorPin
{
    public const int MinLength = 6;
    public const int MaxLength = 12;

    /// <summary>Null when the PIN is acceptable, else what to do (Chinese).</summary>
    public static string? Problem(ReadOnlySpan<char> pin)
    {
        if (pin.Length is < MinLength or > MaxLength)
        {
            return "PIN 须为 6 到 12 位数字，请重新设置。";
        }
        foreach (var c in pin)
        {
            if (c is < '0' or > '9')
            {
                return "PIN 只能由数字组成，请重新设置。";
            }
        }
        return null;
    }
}
