using System.Globalization;

namespace Terminal.Storage.Audit;

/// <summary>One problem found in an audit log, at an entry's sequence number (or byte offset when malformed).</summary>
public sealed record AuditProblem(AuditProblemKind Kind, long Sequence, long? MissingTo = null)
{
    /// <summary>For the office staff (Chinese).</summary>
    public string Message => Kind switch
    {
        AuditProblemKind.Malformed => Format("审计日志从第 {0} 字节起无法解析：文件已损坏或被截断，请重新从终端导出。", Sequence),
        AuditProblemKind.Edited => Format("审计日志第 {0} 条已被改动：请勿采信该终端的数据，并报告技术人员。", Sequence),
        AuditProblemKind.Gap => Format("审计日志缺少第 {0} 至 {1} 条：请勿采信该终端的数据，并报告技术人员。", Sequence, MissingTo ?? Sequence),
        AuditProblemKind.Reordered => Format("审计日志第 {0} 条顺序不对或重复：请勿采信该终端的数据，并报告技术人员。", Sequence),
        AuditProblemKind.BrokenLink => Format("审计日志第 {0} 条与前一条不衔接：中间的记录被删改，请报告技术人员。", Sequence),
        AuditProblemKind.BadSignature => Format("审计日志第 {0} 条签名无效：不是本终端签发的，请报告技术人员。", Sequence),
        _ => "审计日志末尾没有终端签名：末尾的记录可能被删除，请重新从终端导出。",
    };

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
