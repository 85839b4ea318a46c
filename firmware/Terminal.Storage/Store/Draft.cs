using Terminal.Records.Model;

namespace Terminal.Storage.Store;

/// <summary>A record being collected, as last saved, and the workflow step it was saved at.</summary>
public sealed record Draft(Record Record, string Step, DateTimeOffset SavedAt);
