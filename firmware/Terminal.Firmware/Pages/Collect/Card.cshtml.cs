using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Records.Model;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>The first step of a collection: the card on the reader, or the ID number typed when there is no card.</summary>
public sealed class CardModel : PageModel
{
    private readonly TerminalState _state;
    private readonly CollectionWorkflow _workflow;

    public CardModel(TerminalState state, CardReaderService reader, CollectionWorkflow workflow)
    {
        _state = state;
        Reader = reader;
        _workflow = workflow;
    }

    public CardReaderService Reader { get; }

    [BindProperty]
    public CollectionMode Mode { get; set; } = CollectionMode.OnSite;

    [BindProperty]
    public string? IdNumber { get; set; }

    public string? Message { get; private set; }

    /// <summary>The subject's draft already on this terminal, offered instead of a new collection.</summary>
    public Terminal.Storage.Store.Draft? OpenDraft { get; private set; }

    /// <summary>Why collecting is refused now (a network is up), or null.</summary>
    public string? Refusal { get; private set; }

    public void OnGet() => Refusal = RefusalNow();

    public IActionResult OnPostCard()
    {
        if ((Refusal = RefusalNow()) is not null)
        {
            return Page();
        }
        if (Reader.TakeCard() is not { } card)
        {
            Message = Reader.Connected ? Reader.LastProblem ?? "没有读到身份证：请把身份证放在读卡区，稍等片刻再点击。" : Reader.State;
            return Page();
        }
        try
        {
            return Started(_workflow.BeginFromCard(card, Mode));
        }
        catch (CollectionRefusedException e)
        {
            Message = e.Message;
            return Page();
        }
    }

    public IActionResult OnPostTyped()
    {
        if ((Refusal = RefusalNow()) is not null)
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(IdNumber))
        {
            Message = "请输入身份证号码。";
            return Page();
        }
        try
        {
            return Started(_workflow.BeginFromTypedNumber(IdNumber, Mode));
        }
        catch (CollectionRefusedException e)
        {
            Message = e.Message;
            return Page();
        }
    }

    private IActionResult Started(CollectionStart start)
    {
        if (start.Status == SubjectStatus.AlreadyCollected)
        {
            Message = start.Message;
            return Page();
        }
        if (start.Status == SubjectStatus.DraftOpen && _state.Store!.LoadDraft(start.RecordId) is { } draft)
        {
            Message = start.Message;
            OpenDraft = draft;
            return Page();
        }
        TempData["status"] = start.Status.ToString();
        return RedirectToPage("/Collect/Section", new { id = start.RecordId, section = CollectionWorkflow.IdentityStep });
    }

    private string? RefusalNow()
    {
        var network = _state.Network();
        return network.IsSafe ? null : string.Join(" ", network.Messages);
    }
}
