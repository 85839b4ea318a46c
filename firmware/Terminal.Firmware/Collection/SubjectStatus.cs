namespace Terminal.Firmware.Collection;

/// <summary>What the terminal knows of a subject when a collection begins.</summary>
public enum SubjectStatus
{
    /// <summary>In the area's initial data: prefilled, the worker checks and completes ("若需补充完善，现场补充完善后确认即可").</summary>
    InInitialData,

    /// <summary>Not in the initial data: a new subject ("新增").</summary>
    New,

    /// <summary>Already finalized on this terminal ("此人已采集").</summary>
    AlreadyCollected,

    /// <summary>A draft of this subject is already open on this terminal.</summary>
    DraftOpen,
}
