using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Signing;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>
/// The subject declines (自愿放弃): never forced (seed 000 §八(四)). Confirming erases the draft and its photos and
/// audits the refusal with no personal data (firmware/Terminal.Records/RULES.md, "Refusal").
/// </summary>
public sealed class DeclineModel : PageModel
{
    private readonly TerminalState _state;
    private readonly SignaturePadService _pad;

    public DeclineModel(TerminalState state, SignaturePadService pad)
    {
        _state = state;
        _pad = pad;
    }

    public Draft? Draft { get; private set; }

    public void OnGet(Guid id) => Draft = _state.Store!.LoadDraft(id);

    public IActionResult OnPost(Guid id)
    {
        Draft = _state.Store!.LoadDraft(id);
        if (Draft is null)
        {
            return Page();
        }
        _pad.End(id);
        _state.Store.DeclineDraft(id, Draft.Record.Mode.ToString());
        TempData["finalized"] = "已按本人意愿放弃采集：已删除本次录入的内容和照片，只记录了“有一人自愿放弃”（不含姓名和证件号码）。";
        return RedirectToPage("/Index");
    }
}
