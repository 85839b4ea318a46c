using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Photos;
using Terminal.Firmware.Signing;
using Terminal.Records.Model;
using Terminal.Storage.Network;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages;

/// <summary>
/// Home: today's count, the drafts, the outbox waiting for the dock, the correction list (待补正), the reader's,
/// camera's and pad's state, the network guard's state, and the people of the initial data not yet collected here
/// (to visit: 入户采集).
/// </summary>
public sealed class IndexModel : PageModel
{
    private readonly TerminalState _state;
    private readonly CollectionWorkflow _workflow;
    private readonly TimeProvider _time;

    public IndexModel(TerminalState state, CardReaderService reader, PhotoService camera, SignaturePadService pad, CollectionWorkflow workflow, TimeProvider time)
    {
        _state = state;
        Reader = reader;
        Camera = camera;
        Pad = pad;
        _workflow = workflow;
        _time = time;
    }

    public CardReaderService Reader { get; }

    public PhotoService Camera { get; }

    public SignaturePadService Pad { get; }

    public StoreCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public int Today { get; private set; }

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    /// <summary>The items of the correction list not yet corrected here (待补正 and 补正中).</summary>
    public int CorrectionsOpen { get; private set; }

    /// <summary>All the items of the correction list.</summary>
    public int CorrectionsTotal { get; private set; }

    /// <summary>The initial data's people not yet finalized here, without an open draft.</summary>
    public IReadOnlyList<InitialDataEntry> ToVisit { get; private set; } = [];

    public NetworkCheck Network { get; private set; } = new([]);

    public string? Message { get; private set; }

    public void OnGet()
    {
        Message = TempData["finalized"] as string;
        Load();
    }

    public IActionResult OnPostVisit(string idNumber)
    {
        Load();
        if (!Network.IsSafe)
        {
            return Page();
        }
        try
        {
            var start = _workflow.BeginFromInitialData(idNumber, CollectionMode.HomeVisit);
            TempData["status"] = start.Status.ToString();
            if (start.Status == SubjectStatus.DraftOpen && _state.Store!.LoadDraft(start.RecordId) is { } draft)
            {
                return RedirectToPage(CollectionFlow.PageOf(draft.Step), new { id = draft.Record.RecordId, section = draft.Step });
            }
            return RedirectToPage("/Collect/Section", new { id = start.RecordId, section = CollectionWorkflow.IdentityStep });
        }
        catch (CollectionRefusedException e)
        {
            Message = e.Message;
            return Page();
        }
    }

    /// <summary>An ID number with its middle hidden (650105********0019), for lists on a screen others can see.</summary>
    public static string Masked(string idNumber) => idNumber.Length > 10 ? idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..] : idNumber;

    private void Load()
    {
        var store = _state.Store!;
        Counts = store.Counts();
        var now = _time.GetLocalNow();
        Today = store.CollectedSince(new DateTimeOffset(now.Date, now.Offset));
        Drafts = store.Drafts();
        var corrections = store.CorrectionList();
        CorrectionsTotal = corrections.Count;
        CorrectionsOpen = corrections.Count(c => c.State != TerminalCorrectionState.Corrected);
        var open = Drafts.Select(d => d.Record.Text("identity.idNumber")).ToHashSet(StringComparer.Ordinal);
        ToVisit = [.. store.InitialDataNotCollected().Where(p => !open.Contains(p.IdNumber)).OrderBy(p => p.IdNumber, StringComparer.Ordinal)];
        Network = _state.Network();
    }
}
