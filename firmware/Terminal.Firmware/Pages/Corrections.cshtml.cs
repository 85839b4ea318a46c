using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Corrections;

namespace Terminal.Firmware.Pages;

/// <summary>
/// 待补正: the problem and missing data of this collection point the district sent at the last docking, each with
/// the subject, what is asked (问题数据/缺失数据), the fields concerned by their labels, the reviewer's note and its
/// state here; opening one starts (or resumes) version N+1 of the record on the first page concerned.
/// </summary>
public sealed class CorrectionsModel : PageModel
{
    private readonly CorrectionWorkflow _corrections;

    public CorrectionsModel(CorrectionWorkflow corrections) => _corrections = corrections;

    public IReadOnlyList<CorrectionSummary> Items { get; private set; } = [];

    public string? Message { get; private set; }

    public void OnGet() => Items = _corrections.List();

    public IActionResult OnPostOpen(Guid recordId, int version)
    {
        try
        {
            var draft = _corrections.Open(recordId, version);
            return RedirectToPage(CollectionFlow.PageOf(draft.Step), new { id = draft.Record.RecordId, section = draft.Step });
        }
        catch (CollectionRefusedException e)
        {
            Message = e.Message;
            Items = _corrections.List();
            return Page();
        }
    }
}
