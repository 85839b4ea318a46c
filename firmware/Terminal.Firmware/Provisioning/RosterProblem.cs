namespace Terminal.Firmware.Provisioning;

/// <summary>What is wrong with one line of a roster file (line 1 is the header), in Chinese.</summary>
public sealed record RosterProblem(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"第{Line}行：{Message}";
}
