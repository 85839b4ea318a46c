using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Records.Forms;
using Terminal.Records.Validation;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>
/// The review (seed 001 §四(三)2 "由采集对象现场签字确认"): every section with what was entered, and what still has to
/// be fixed before the subject signs. Signing and finalizing join this page with the signature pad.
/// </summary>
public sealed class ReviewModel : PageModel
{
    private readonly TerminalState _state;

    public ReviewModel(TerminalState state) => _state = state;

    public FormDefinition Form { get; } = FormDefinitions.Current;

    public Draft? Draft { get; private set; }

    public IReadOnlyList<RecordIssue> Issues { get; private set; } = [];

    public IReadOnlyList<string> Steps { get; private set; } = [];

    public void OnGet(Guid id)
    {
        Draft = _state.Store!.LoadDraft(id);
        if (Draft is not null)
        {
            Issues = RecordValidator.Validate(Draft.Record);
            Steps = CollectionFlow.Steps(Draft.Record, Form);
        }
    }

    /// <summary>The step (page) where a field is entered.</summary>
    public string StepOf(string fieldId) => Form.SectionOf(fieldId).Id;
}
