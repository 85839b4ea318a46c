namespace Terminal.Records.Model;

/// <summary>Where a field's value came from (seed 001 §三(一): "可通过信息采集设备…读取居民身份证自动生成；其他身份信息可…现场采集").</summary>
public enum FieldSource
{
    /// <summary>Typed or chosen by the operator (or told by the subject).</summary>
    Operator,
    /// <summary>Read from the ID card's chip by the reader.</summary>
    Chip,
    /// <summary>Prefilled from the initial data (初始数据) loaded on the terminal.</summary>
    InitialData,
}
