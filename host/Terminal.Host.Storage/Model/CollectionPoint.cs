namespace Terminal.Host.Storage.Model;

/// <summary>A collection point (采集点) and the streets it serves, with the subjects expected there from the initial data.</summary>
public sealed record CollectionPoint(string Code, string Name, IReadOnlyList<string> Streets, long ExpectedCount);
