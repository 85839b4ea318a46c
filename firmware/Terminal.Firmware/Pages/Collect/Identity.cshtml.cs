using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>The identity page of a draft: what the chip, the initial data or the worker gave, each field with its source.</summary>
public sealed class IdentityModel : PageModel
{
    private readonly TerminalState _state;

    public IdentityModel(TerminalState state) => _state = state;

    public Draft? Draft { get; private set; }

    public CollectionStart? Start { get; private set; }

    public IReadOnlyList<(string FieldId, string Label, string Value, string Source)> Rows { get; private set; } = [];

    public void OnGet(Guid id)
    {
        Draft = _state.Store!.LoadDraft(id);
        if (TempData["status"] is string status && Enum.TryParse<SubjectStatus>(status, out var s))
        {
            Start = new CollectionStart(id, s);
        }
        if (Draft is null)
        {
            return;
        }
        var form = FormDefinitions.Current;
        var section = form.SectionOf("identity.idNumber");
        Rows = [.. section.Fields
            .Where(f => Draft.Record.Values.ContainsKey(f.Id))
            .Select(f =>
            {
                var value = Draft.Record.Values[f.Id];
                var text = f.CodeList is { } list ? form.CodeName(list, value.Value) ?? value.Value : value.Value;
                return (f.Id, f.Label, text, SourceName(value.Source));
            })];
    }

    private static string SourceName(FieldSource source) => source switch
    {
        FieldSource.Chip => "身份证芯片",
        FieldSource.InitialData => "初始数据",
        _ => "手工录入",
    };
}
