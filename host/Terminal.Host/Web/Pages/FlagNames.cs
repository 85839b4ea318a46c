using Terminal.Host.Storage.Ingest;

namespace Terminal.Host.Web.Pages;

/// <summary>Short Chinese names of the flag codes, for lists (the flag's own message says what to fix).</summary>
internal static class FlagNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [IngestFlagCodes.DuplicateAcrossTerminals] = "多台终端重复采集",
        [IngestFlagCodes.DuplicateAcrossCategories] = "不同类别重复采集",
        [IngestFlagCodes.DuplicateSubject] = "重复采集",
        [IngestFlagCodes.SurvivorLinkedTwice] = "遗属重复关联",
        [IngestFlagCodes.SignatureStrokesMismatch] = "签名笔迹不符",
        [IngestFlagCodes.PhotoDamaged] = "照片损坏",
        [IngestFlagCodes.UnknownFormVersion] = "未知表格版本",
        [IngestFlagCodes.Delivery] = "传输问题",
        [IngestFlagCodes.CardFlagged] = "证件已挂失或异常",
        ["IdCardExpired"] = "证件已过期",
        [IngestFlagCodes.VersionConflict] = "同一版本收到两份",
        ["Required"] = "必填项为空",
        ["NotApplicable"] = "不应填写",
        ["BadFormat"] = "格式不对",
        ["UnknownCode"] = "代码不在列表中",
        ["OutOfRange"] = "超出范围",
        ["TooLong"] = "内容过长",
        ["UnknownField"] = "未知字段",
        ["SignatureMissing"] = "缺少签名",
        ["SignatureContentMismatch"] = "签名与内容不符",
        ["PhotoMissing"] = "缺少照片",
        ["EvidencePhotoMissing"] = "缺少证件照片",
        ["PhotoNotJpeg"] = "照片格式不对",
        ["PhotoTooLarge"] = "照片过大",
        ["IdNumberInvalid"] = "身份证号码有误",
        ["DatesOutOfOrder"] = "日期先后不对",
        ["DateInFuture"] = "日期晚于采集日",
        ["AfterReferenceDate"] = "基准日后新增",
    };

    /// <summary>The name of <paramref name="code"/>; codes without one are shown as "规则检查（code）".</summary>
    public static string Name(string code) => Names.TryGetValue(code, out var name) ? name : $"规则检查（{code}）";
}
