using LiteDB;
using Terminal.Storage.Keys;
using Terminal.Storage.Store.Documents;

namespace Terminal.Storage.Store;

/// <summary>
/// The one BsonMapper of the store, configured explicitly: nothing trimmed or nulled, enums as numbers, times as
/// Unix milliseconds, ids declared per document.
/// </summary>
internal static class StoreMapper
{
    public const string Terminal = "terminal";
    public const string Keys = "keys";
    public const string Drafts = "drafts";
    public const string Photos = "photos";
    public const string Outbox = "outbox";
    public const string Collected = "collected";
    public const string InitialData = "initialdata";

    /// <summary>The multikey index of the roster on the keyed hashes of the names' pinyin initials.</summary>
    public const string InitialsIndex = "initials";

    /// <summary>What <see cref="InitialsIndex"/> indexes: each element of InitialsKeys.</summary>
    public const string InitialsIndexExpression = "$.InitialsKeys[*]";
    public const string Audit = "audit";
    public const string Corrections = "corrections";
    public const string Pushes = "pushes";
    public const string Corrected = "corrected";

    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            TrimWhitespace = false,
            EmptyStringToNull = false,
            EnumAsInteger = true,
            SerializeNullValues = false,
            IncludeFields = false,
            IncludeNonPublic = false,
        };
        mapper.RegisterType(t => new BsonValue(t.ToUnixTimeMilliseconds()), b => DateTimeOffset.FromUnixTimeMilliseconds(b.AsInt64));
        mapper.Entity<TerminalDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<KeySlot>().Id(x => x.Id, autoId: false).Ignore(x => x.Argon2id);
        mapper.Entity<DraftDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<PhotoDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<OutboxDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<CollectedDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<InitialDataDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<AuditDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<CorrectionDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<PushDocument>().Id(x => x.Id, autoId: false);
        mapper.Entity<CorrectedDocument>().Id(x => x.Id, autoId: false);
        return mapper;
    }
}
