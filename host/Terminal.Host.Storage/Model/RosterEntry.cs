namespace Terminal.Host.Storage.Model;

/// <summary>One person of the district's initial data (初始数据): expected at the collection point that serves their street.</summary>
public sealed record RosterEntry(string IdNumber, string Name, string Street, string CollectionPointCode);
