namespace Terminal.Storage.Store;

/// <summary>How many of each the store holds.</summary>
public sealed record StoreCounts(int Drafts, int Outbox, int Collected, int InitialData, long AuditEntries);
