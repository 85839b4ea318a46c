namespace Terminal.Firmware.Maintenance;

/// <summary>One line of the self-test: what was checked, whether it passed, and what was found (Chinese).</summary>
public sealed record SelfTestCheck(string Name, bool Passed, string Finding)
{
    /// <summary>The line printed: "通过　读卡器：…" or "失败　读卡器：…".</summary>
    public override string ToString() => $"{(Passed ? "通过" : "失败")}　{Name}：{Finding}";
}
