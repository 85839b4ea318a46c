namespace Terminal.Storage.Store;

/// <summary>What applying a host push did.</summary>
public enum PushOutcome
{
    /// <summary>Applied now, in one transaction, audited.</summary>
    Applied = 1,

    /// <summary>This push (by its id) was applied before: nothing done again.</summary>
    AlreadyApplied = 2,
}
