using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Signing;
using Terminal.Records.Forms;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>
/// The review (seed 001 §四(三)2 "由采集对象现场签字确认"): every section with what was entered, what still has to be
/// fixed, and the content hash the signature will be bound to; then the subject signs on the pad (strokes shown
/// live), the worker accepts or clears, and finalizes. Every step is saved before the page answers.
/// </summary>
public sealed class ReviewModel : PageModel
{
    private readonly TerminalState _state;
    private readonly SignatureWorkflow _signing;

    public ReviewModel(TerminalState state, SignaturePadService pad, SignatureWorkflow signing)
    {
        _state = state;
        Pad = pad;
        _signing = signing;
    }

    public SignaturePadService Pad { get; }

    public FormDefinition Form { get; } = FormDefinitions.Current;

    public Draft? Draft { get; private set; }

    public IReadOnlyList<RecordIssue> Issues { get; private set; } = [];

    /// <summary>The errors other than the signature's own: while there are any, the subject does not sign yet.</summary>
    public IReadOnlyList<RecordIssue> Errors { get; private set; } = [];

    public IReadOnlyList<string> Steps { get; private set; } = [];

    /// <summary>SHA-256 of the record's content (its canonical form without the signature): what the signature binds.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>True when a signature is attached and is for the content as it stands.</summary>
    public bool Signed { get; private set; }

    /// <summary>True while the pad is open for this record.</summary>
    public bool Signing { get; private set; }

    public string? Message { get; private set; }

    public void OnGet(Guid id)
    {
        if (Load(id) && Errors.Count == 0 && !Signed)
        {
            Signing = Pad.Begin(id);
        }
    }

    public IActionResult OnPostAccept(Guid id, string contentHash, string? strokes)
    {
        if (!Load(id))
        {
            return Page();
        }
        try
        {
            var ink = Pad.Ink(id) ?? throw new CollectionRefusedException("签字板没有打开：请点击“重新签名”后请本人签名。");
            _signing.Accept(id, ink, contentHash);
            Pad.End(id);
            return RedirectToPage(new { id });
        }
        catch (CollectionRefusedException e)
        {
            Message = e.Message;
            Signing = Pad.Ink(id) is not null;
            return Page();
        }
    }

    public IActionResult OnPostClear(Guid id) => RedirectToPage(new { id }); // the page opens the pad afresh

    public IActionResult OnPostResign(Guid id)
    {
        _signing.Withdraw(id);
        return RedirectToPage(new { id });
    }

    public IActionResult OnPostFinalize(Guid id)
    {
        try
        {
            var item = _signing.Finalize(id);
            Pad.End(id);
            TempData["finalized"] = $"已定稿：记录已加密封存，进入待上传队列（第 {item.Sequence} 条），对接时上传到区采集中心。";
            return RedirectToPage("/Index");
        }
        catch (Exception e) when (e is CollectionRefusedException or StoreException)
        {
            Load(id);
            Message = e.Message;
            return Page();
        }
    }

    /// <summary>The step (page) where a field is entered.</summary>
    public string StepOf(string fieldId) => Form.SectionOf(fieldId).Id;

    /// <summary>The hash in groups of eight, so the worker can read it out.</summary>
    public static string Grouped(string hash) => string.Join(' ', Enumerable.Range(0, hash.Length / 8).Select(i => hash.Substring(i * 8, 8)));

    private bool Load(Guid id)
    {
        Draft = _state.Store!.LoadDraft(id);
        if (Draft is null)
        {
            return false;
        }
        Issues = RecordValidator.Validate(Draft.Record);
        Errors = [.. Issues.Where(i => i.Severity == IssueSeverity.Error && i.Code is not (IssueCode.SignatureMissing or IssueCode.SignatureContentMismatch))];
        Steps = CollectionFlow.Steps(Draft.Record, Form);
        ContentHash = RecordSerializer.ContentHash(Draft.Record);
        Signed = Draft.Record.Signature?.ContentSha256 == ContentHash;
        return true;
    }
}
