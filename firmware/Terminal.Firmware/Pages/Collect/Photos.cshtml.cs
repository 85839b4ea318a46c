using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Photos;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>
/// The photos of a collection: the live preview with the framing guide, the personal photo and the photos of the
/// documents shown (原件/证明材料), each checked (framing, darkness, blur, size) before it is kept; retake and remove.
/// </summary>
public sealed class PhotosModel : PageModel
{
    private readonly TerminalState _state;

    public PhotosModel(TerminalState state, PhotoService camera)
    {
        _state = state;
        Camera = camera;
    }

    public PhotoService Camera { get; }

    public Draft? Draft { get; private set; }

    public string? Message { get; private set; }

    public string? Taken { get; private set; }

    public string? Previous { get; private set; }

    public string Next { get; private set; } = CollectionFlow.ReviewStep;

    public void OnGet(Guid id)
    {
        Load(id);
        Taken = TempData["taken"] as string;
    }

    public IActionResult OnPostTake(Guid id, PhotoKind kind, string? label, string? retakes)
    {
        try
        {
            var photo = Camera.Capture(id, kind, label, retakes);
            TempData["taken"] = $"{photo.Label ?? Terminal.Records.Rules.PhotoLimits.Name(photo.Kind)}：已保存（{photo.Width}×{photo.Height}，{photo.Length / 1024.0:0.#}KB）";
            return RedirectToPage(new { id });
        }
        catch (CollectionRefusedException e)
        {
            Message = e.Message;
            Load(id);
            return Page();
        }
    }

    public IActionResult OnPostRemove(Guid id, string sha256)
    {
        Camera.Remove(id, sha256);
        return RedirectToPage(new { id });
    }

    public IActionResult OnPostLens(Guid id, bool covered)
    {
        if (Camera.Demo is { } demo)
        {
            demo.LensCovered = covered;
        }
        return RedirectToPage(new { id });
    }

    public IActionResult OnPostGo(Guid id, string go)
    {
        if (!Load(id))
        {
            return Page();
        }
        var target = go == "back" ? Previous ?? PhotoService.Step : Next;
        _state.Store!.SaveDraft(Draft!.Record, target);
        return RedirectToPage(CollectionFlow.PageOf(target), new { id, section = target });
    }

    private bool Load(Guid id)
    {
        Draft = _state.Store!.LoadDraft(id);
        if (Draft is null)
        {
            return false;
        }
        Previous = CollectionFlow.Previous(Draft.Record, FormDefinitions.Current, CollectionFlow.PhotosStep);
        Next = CollectionFlow.Next(Draft.Record, FormDefinitions.Current, CollectionFlow.PhotosStep);
        return true;
    }
}
