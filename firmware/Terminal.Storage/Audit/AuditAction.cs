namespace Terminal.Storage.Audit;

/// <summary>What an audit entry records (the byte is written in the entry).</summary>
public enum AuditAction : byte
{
    /// <summary>The store was provisioned (first entry).</summary>
    Provision = 1,

    /// <summary>An operator logged in.</summary>
    Login = 2,

    /// <summary>A wrong PIN (the count is in the detail).</summary>
    FailedPin = 3,

    /// <summary>A technician unlocked an operator with the recovery key and set a new PIN.</summary>
    Unlock = 4,

    /// <summary>An operator account was added.</summary>
    OperatorAdded = 5,

    /// <summary>An ID card was read (subject: keyed hash of the ID number).</summary>
    CardRead = 6,

    /// <summary>A record was started.</summary>
    Create = 7,

    /// <summary>A draft was saved again (a step of the collection).</summary>
    Edit = 8,

    /// <summary>A record was finalized and sealed for the district.</summary>
    Finalize = 9,

    /// <summary>The terminal was docked at the district office.</summary>
    Dock = 10,

    /// <summary>Records or the audit log were exported (unloaded) to the host.</summary>
    Export = 11,

    /// <summary>A finalized record left the terminal after the host's signed receipt.</summary>
    Purge = 12,

    /// <summary>The store was wiped (drafts discarded or the terminal decommissioned).</summary>
    Wipe = 13,

    /// <summary>The initial data (roster) of the area was loaded.</summary>
    InitialDataLoaded = 14,

    /// <summary>A draft was discarded.</summary>
    Discard = 15,

    /// <summary>A checkpoint signed with the terminal's key (ECDSA P-256).</summary>
    Checkpoint = 16,

    /// <summary>The host's time was received at a docking (the detail: host minus terminal, in ms).</summary>
    ClockSynced = 17,

    /// <summary>An operator account was removed (pushed by the host).</summary>
    OperatorRemoved = 18,

    /// <summary>An update of the roster was applied (the detail: "+added -removed").</summary>
    InitialDataUpdated = 19,

    /// <summary>A correction list (problem and missing data) was received (the detail: the number of items).</summary>
    CorrectionsReceived = 20,

    /// <summary>
    /// A subject declined to be collected (自愿放弃信息采集登记): the draft and its photos were erased in the same
    /// write; the entry's subject is the record reference only, its detail the collection mode (RULES.md).
    /// </summary>
    Declined = 21,

    /// <summary>
    /// A correction (数据补缺) began: version N+1 of a reviewed record was started as a draft from an item of the
    /// correction list (the entry's subject: the new version's record reference; the detail: the version reviewed).
    /// </summary>
    CorrectionStarted = 22,
}
