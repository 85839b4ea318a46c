namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>What each SW3 means to a field worker, in plain Chinese, with what to do.</summary>
public static class SamStatusText
{
    /// <summary>The message for a status; unknown codes name the code so a technician can look it up.</summary>
    public static string For(SamStatus status) => status switch
    {
        SamStatus.Ok => "读卡成功",
        SamStatus.CardFound => "已找到身份证",
        SamStatus.NoCard => "请把身份证放在读卡区",
        SamStatus.SelectFailed => "请勿移动身份证，放稳后重新读卡",
        SamStatus.ReadFailed => "读卡失败：请勿移动身份证，放稳后重新读卡",
        SamStatus.UnknownCardType => "无法识别的卡片：请放第二代居民身份证、外国人永久居留身份证或港澳台居民居住证",
        SamStatus.CardAuthenticationFailed or SamStatus.SamAuthenticationFailed or SamStatus.VerificationError =>
            "身份证验证未通过：请重新放置身份证；若多次失败，该证件可能损坏或不是真实证件，请核对原件",
        SamStatus.RandomNumberFailed => "读卡失败：请取下身份证后重新放置",
        SamStatus.NoContent => "该证件没有这一项内容",
        SamStatus.SelfTestFailed => "读卡器安全模块自检失败，无法继续读卡：请联系技术人员更换读卡器",
        SamStatus.NotAuthorised => "读卡器安全模块未授权：请联系技术人员",
        SamStatus.Unauthorised => "读卡器拒绝了该操作：请联系技术人员",
        SamStatus.ChecksumError or SamStatus.LengthError or SamStatus.CommandError or SamStatus.UnknownError =>
            "读卡器通信出错，正在重试；若持续出现请重新插拔读卡器",
        _ => $"读卡器返回未知状态（{(byte)status:X2}）：请重新读卡，若持续出现请联系技术人员",
    };
}
