using Terminal.Drivers.SignaturePad.Strokes;
using Terminal.Firmware.Collection;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Signing;

/// <summary>
/// Signing and finalizing (seed 001 §四(三)2(1) "由采集对象现场签字确认（电子签名）"): the signature is bound to the
/// content hash shown on the review page (<see cref="RecordSerializer.ContentHash"/>); its strokes and rendered image
/// are saved in the store with the draft before anything else happens; finalizing checks the record once more and
/// seals it for the district (<see cref="TerminalStore.Finalize"/>), which moves it to the outbox.
/// </summary>
public sealed class SignatureWorkflow
{
    /// <summary>The step a draft is saved at while it waits for the signature or the finalize.</summary>
    public const string Step = CollectionFlow.ReviewStep;

    private readonly TerminalState _state;
    private readonly TimeProvider _time;

    /// <summary>Works on the app's store.</summary>
    public SignatureWorkflow(TerminalState state, TimeProvider time)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Attaches <paramref name="ink"/> as the subject's signature for the content whose hash the page showed
    /// (<paramref name="shownContentHash"/>). Throws <see cref="CollectionRefusedException"/> (Chinese) when nothing was
    /// drawn or the content changed since the page was shown.
    /// </summary>
    public Record Accept(Guid recordId, SignatureInk ink, string shownContentHash)
    {
        ArgumentNullException.ThrowIfNull(ink);
        var store = Store;
        var draft = store.LoadDraft(recordId) ?? throw new CollectionRefusedException("没有找到这条采集记录：请回到首页重新开始。");
        if (ink.IsEmpty || ink.Strokes.Sum(s => s.Count) < 2)
        {
            throw new CollectionRefusedException("还没有签名：请本人在签字板上签名后再点击“确认签名”。");
        }
        var contentHash = RecordSerializer.ContentHash(draft.Record);
        if (contentHash != shownContentHash)
        {
            throw new CollectionRefusedException("签名前内容有改动：请本人重新核对本页内容后再签名。");
        }
        var strokes = store.SavePhoto(recordId, ink.Canonical());
        var image = store.SavePhoto(recordId, SignatureRenderer.RenderPng(ink));
        var record = draft.Record with { Signature = new SignatureReference(contentHash, strokes, image, _time.GetUtcNow()) };
        store.SaveDraft(record, Step);
        return record;
    }

    /// <summary>Takes the signature off (重新签名), keeping the draft at the review.</summary>
    public void Withdraw(Guid recordId)
    {
        var store = Store;
        if (store.LoadDraft(recordId) is { Record.Signature: not null } draft)
        {
            store.SaveDraft(draft.Record with { Signature = null }, Step);
        }
    }

    /// <summary>
    /// Finalizes (定稿) the draft: refused with the list of what to fix while the record has errors (including a
    /// missing or outdated signature); else sealed and moved to the outbox.
    /// </summary>
    public OutboxItem Finalize(Guid recordId)
    {
        var store = Store;
        var draft = store.LoadDraft(recordId) ?? throw new CollectionRefusedException("没有找到这条采集记录：它可能已经定稿。请回到首页查看。");
        var errors = RecordValidator.Validate(draft.Record).Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new CollectionRefusedException("还不能定稿：" + string.Join("；", errors.Select(e => e.Message)));
        }
        return store.Finalize(draft.Record);
    }

    private TerminalStore Store => _state.Store ?? throw new CollectionRefusedException(_state.StoreProblem ?? "终端存储无法打开：请联系技术人员。");
}
