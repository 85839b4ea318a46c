using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Rules;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>
/// The subject's categories (seed 001 §二): twelve boxes, the multi-select rules checked as the worker taps (the
/// page asks /api/categories/check) and again here with the record model's rule before the next page.
/// </summary>
public sealed class CategoriesModel : PageModel
{
    private readonly TerminalState _state;

    public CategoriesModel(TerminalState state) => _state = state;

    public Draft? Draft { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet(Guid id) => Draft = _state.Store!.LoadDraft(id);

    public IActionResult OnPost(Guid id, int[]? category, string go)
    {
        Draft = _state.Store!.LoadDraft(id);
        if (Draft is null)
        {
            return Page();
        }
        var set = CategorySet.Empty;
        foreach (var number in category ?? [])
        {
            if (number is >= 1 and <= 12)
            {
                set = set.With((Category)number);
            }
        }
        var record = Draft.Record with { Categories = set };
        var form = FormDefinitions.Current;
        if (go == "back" && CollectionFlow.Previous(record, form, CollectionFlow.CategoriesStep) is { } back)
        {
            _state.Store.SaveDraft(record, back);
            return RedirectToPage(CollectionFlow.PageOf(back), new { id, section = back });
        }
        Problems = set.IsEmpty ? ["请至少选择一个对象类别。"] : [.. CategoryCombinationRule.Check(set).Select(i => i.Message)];
        if (Problems.Count > 0)
        {
            _state.Store.SaveDraft(record, CollectionFlow.CategoriesStep);
            Draft = _state.Store.LoadDraft(id);
            return Page();
        }
        var next = CollectionFlow.Next(record, form, CollectionFlow.CategoriesStep);
        _state.Store.SaveDraft(record, next);
        return RedirectToPage(CollectionFlow.PageOf(next), new { id, section = next });
    }
}
