using System.Globalization;

namespace Terminal.Storage.Keys;

/// <summary>What a login attempt came to, with a Chinese message saying what to do.</summary>
public sealed record LoginResult(LoginOutcome Outcome, int RemainingAttempts, TimeSpan RetryAfter)
{
    /// <summary>True when the store is open.</summary>
    public bool Succeeded => Outcome == LoginOutcome.Success;

    /// <summary>For the operator.</summary>
    public string Message => Outcome switch
    {
        LoginOutcome.Success => "登录成功。",
        LoginOutcome.WrongPin when RemainingAttempts > 0 => string.Format(CultureInfo.InvariantCulture,
            "PIN 不正确：还可以再试 {0} 次，请等待 {1} 秒后重新输入。", RemainingAttempts, (int)Math.Ceiling(RetryAfter.TotalSeconds)),
        LoginOutcome.WrongPin or LoginOutcome.Locked => "PIN 连续输错次数过多，已锁定：请联系技术人员用恢复密钥解锁。",
        LoginOutcome.TooSoon => string.Format(CultureInfo.InvariantCulture, "请等待 {0} 秒后再输入 PIN。", (int)Math.Ceiling(RetryAfter.TotalSeconds)),
        _ => "本终端没有这个操作员账号：请核对工号，或联系技术人员添加。",
    };
}
