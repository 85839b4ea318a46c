using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Rules;
using Terminal.Records.Validation;
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
        var form = FormDefinitions.Current;
        var record = WithInitialData(Draft.Record with { Categories = set }, form);
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

    /// <summary>
    /// The initial data's values for fields that apply only with some categories (the service dates of 其他身份信息):
    /// a page saved before the categories were chosen did not show them, so the draft holds none; once a category
    /// needs them they come back from the initial data (marked 来自初始数据), so the worker need not type them again.
    /// </summary>
    private Record WithInitialData(Record record, FormDefinition form)
    {
        if (record.Text("identity.idNumber") is not { } idNumber || _state.Store!.FindInitialData(idNumber) is not { } known)
        {
            return record;
        }
        foreach (var (fieldId, value) in known.Values)
        {
            if (record.Text(fieldId) is null && form.TryGetField(fieldId, out var field) && FieldConstraints.Applies(field, record, form))
            {
                record = record.With(fieldId, value, FieldSource.InitialData);
            }
        }
        return record;
    }
}
