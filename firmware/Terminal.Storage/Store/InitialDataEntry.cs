namespace Terminal.Storage.Store;

/// <summary>One subject of the area's roster (初始数据): ID number, name and the form values to prefill.</summary>
public sealed record InitialDataEntry(string IdNumber, string Name, IReadOnlyDictionary<string, string> Values);
