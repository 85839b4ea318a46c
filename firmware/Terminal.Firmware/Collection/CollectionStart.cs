namespace Terminal.Firmware.Collection;

/// <summary>How a collection began: the draft it opened (or the one already open) and what is known of the subject.</summary>
public sealed record CollectionStart(Guid RecordId, SubjectStatus Status)
{
    /// <summary>What the field worker is told, in Chinese.</summary>
    public string Message => Status switch
    {
        SubjectStatus.InInitialData => "初始数据中已有此人：请与本人核对下列信息，若需补充完善，现场补充完善后确认即可。",
        SubjectStatus.New => "初始数据中没有此人：按新增对象采集。",
        SubjectStatus.AlreadyCollected => "此人已在本终端采集并定稿：如需更正，请在数据补缺阶段处理。",
        _ => "此人已在本终端开始采集但尚未定稿：请打开这份草稿继续，不要重新采集。",
    };
}
