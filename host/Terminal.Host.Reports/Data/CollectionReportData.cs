namespace Terminal.Host.Reports.Data;

/// <summary>
/// Everything the district collection report (区信息采集报告) and the summary data (汇总数据) print: counts only, no
/// person's data. The host fills it from its database (or with <see cref="ReportCounts"/> from records); each count
/// table is by a national code table: category 1–12 (seed 001 §三), street (9-digit GB/T 2260/NBS code), collection
/// point (the district's table), ethnic group (GB/T 3304), age band (<see cref="AgeBands"/>) and appeal topic
/// (the form's code list).
/// </summary>
public sealed record CollectionReportData
{
    /// <summary>The county-level code, "650105".</summary>
    public required string DistrictCode { get; init; }

    /// <summary>"新疆维吾尔自治区乌鲁木齐市水磨沟区".</summary>
    public required string DistrictName { get; init; }

    /// <summary>The day the figures were taken.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The collection's reference date (标准时点), 2018-10-01; ages are counted at it.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2018, 10, 1);

    /// <summary>Subjects counted (one per person, whatever their categories).</summary>
    public required long Subjects { get; init; }

    /// <summary>By category 1–12; a person in several categories counts in each (seed 001: "身份类别可复选").</summary>
    public required IReadOnlyList<CountRow> ByCategory { get; init; }

    /// <summary>By street (所属街道).</summary>
    public required IReadOnlyList<CountRow> ByStreet { get; init; }

    /// <summary>By collection point (采集点).</summary>
    public required IReadOnlyList<CountRow> ByCollectionPoint { get; init; }

    /// <summary>By ethnic group, GB/T 3304 codes and names.</summary>
    public required IReadOnlyList<CountRow> ByEthnicGroup { get; init; }

    /// <summary>By age at the reference date (<see cref="AgeBands"/>).</summary>
    public required IReadOnlyList<CountRow> ByAgeBand { get; init; }

    /// <summary>By appeal topic (主要诉求); a person with several topics counts in each, one without in none.</summary>
    public required IReadOnlyList<CountRow> ByAppealTopic { get; init; }

    /// <summary>Subjects who stated at least one appeal.</summary>
    public long SubjectsWithAppeals { get; init; }

    /// <summary>The quality figures.</summary>
    public required QualityFigures Quality { get; init; }

    /// <summary>The count tables with their Chinese titles and code-table names, in the report's order.</summary>
    public IReadOnlyList<(string Title, string CodeTable, IReadOnlyList<CountRow> Rows)> Tables() =>
    [
        ("按对象类别", "对象类别（十二类，可复选）", ByCategory),
        ("按街道", "街道（GB/T 2260 统计用区划代码）", ByStreet),
        ("按采集点", "采集点（本区采集点代码）", ByCollectionPoint),
        ("按民族", "民族（GB/T 3304）", ByEthnicGroup),
        ("按年龄段", "年龄段（截至标准时点的周岁）", ByAgeBand),
        ("按诉求方面", "主要诉求（采集表代码，可复选）", ByAppealTopic),
    ];
}
