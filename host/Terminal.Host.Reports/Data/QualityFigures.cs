namespace Terminal.Host.Reports.Data;

/// <summary>
/// The quality figures of phase 2 (seed 000: "对问题数据和缺失数据校核、完善、补充"), as the host counts them in its
/// database: every number is of records (subjects), not of issues.
/// </summary>
public sealed record QualityFigures
{
    /// <summary>Finalized records received from the terminals.</summary>
    public long RecordsReceived { get; init; }

    /// <summary>Records a reviewer accepted.</summary>
    public long Accepted { get; init; }

    /// <summary>Records marked as problem data (问题数据) and not yet closed.</summary>
    public long ProblemData { get; init; }

    /// <summary>Records marked as missing data (缺失数据) and not yet closed.</summary>
    public long MissingData { get; init; }

    /// <summary>Records in a suspected-duplicate group.</summary>
    public long SuspectedDuplicates { get; init; }

    /// <summary>Records with a rule violation (the record model's validator, errors only).</summary>
    public long RuleViolations { get; init; }

    /// <summary>Records with a photo over its size limit or unreadable.</summary>
    public long PhotoProblems { get; init; }

    /// <summary>Records whose signature does not match their content.</summary>
    public long SignatureMismatches { get; init; }

    /// <summary>Corrections (数据补缺) sent back to terminals and closed.</summary>
    public long CorrectionsClosed { get; init; }

    /// <summary>Corrections sent back and still open.</summary>
    public long CorrectionsOpen { get; init; }

    /// <summary>Cross-check review items (交叉比对) still open.</summary>
    public long CrossCheckOpen { get; init; }

    /// <summary>The figures as (name, count) lines, in the report's order.</summary>
    public IReadOnlyList<(string Name, long Count)> Lines() =>
    [
        ("已接收的定稿记录", RecordsReceived),
        ("审核通过", Accepted),
        ("问题数据（未关闭）", ProblemData),
        ("缺失数据（未关闭）", MissingData),
        ("疑似重复", SuspectedDuplicates),
        ("违反采集规则", RuleViolations),
        ("照片超限或无法读取", PhotoProblems),
        ("签字与内容不符", SignatureMismatches),
        ("数据补缺已完成", CorrectionsClosed),
        ("数据补缺进行中", CorrectionsOpen),
        ("交叉比对待核实", CrossCheckOpen),
    ];
}
