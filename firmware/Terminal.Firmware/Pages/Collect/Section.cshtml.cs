using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages.Collect;

/// <summary>
/// One section of the form for a draft, rendered from the form definition (fields that apply to this record, their
/// code lists, hints), checked with the record model's own validator, saved as a draft step on every submit.
/// </summary>
public sealed class SectionModel : PageModel
{
    private readonly TerminalState _state;

    public SectionModel(TerminalState state) => _state = state;

    public FormDefinition Form { get; } = FormDefinitions.Current;

    public Draft? Draft { get; private set; }

    public SectionDefinition? Section { get; private set; }

    public CollectionStart? Start { get; private set; }

    /// <summary>The streets (街道) of this terminal's district (GB/T 2260), for the street fields.</summary>
    public IReadOnlyList<Terminal.Records.Codes.AdministrativeArea> Streets =>
        _state.Options.CollectionPointCode.Length >= 6 ? Terminal.Records.Codes.AdministrativeDivisions.StreetsOf(_state.Options.CollectionPointCode[..6]) : [];

    /// <summary>The issues of this section's fields after the last save, by field id.</summary>
    public ILookup<string?, RecordIssue> Issues { get; private set; } = Array.Empty<RecordIssue>().ToLookup(i => i.FieldId);

    public string? Previous { get; private set; }

    public IActionResult OnGet(Guid id, string section)
    {
        if (!Load(id, section))
        {
            return Page();
        }
        if (TempData["status"] is string status && Enum.TryParse<SubjectStatus>(status, out var s))
        {
            Start = new CollectionStart(id, s);
        }
        if (TempData["checked"] is "1")
        {
            Issues = SectionIssues(Draft!.Record);
        }
        return Page();
    }

    public IActionResult OnPost(Guid id, string section, string go)
    {
        if (!Load(id, section))
        {
            return Page();
        }
        var record = Draft!.Record;
        foreach (var field in Section!.Fields)
        {
            var posted = Posted(field);
            var before = record.Text(field.Id);
            if (posted != before)
            {
                record = record.With(field.Id, posted, FieldSource.Operator);
            }
        }
        var issues = SectionIssues(record);
        // The draft is saved at the page the worker goes to, so that after a power cut it opens there.
        var target = go switch
        {
            "back" => CollectionFlow.Previous(record, Form, section) ?? section,
            "next" when !issues.Any(g => g.Any(i => i.Severity == IssueSeverity.Error)) => CollectionFlow.Next(record, Form, section),
            _ => section,
        };
        _state.Store!.SaveDraft(record, target);
        if (target != section)
        {
            return RedirectToPage(CollectionFlow.PageOf(target), new { id, section = target });
        }
        TempData["checked"] = "1";
        return RedirectToPage(new { id, section });
    }

    /// <summary>True when the field applies to the record as saved (its "only when" conditions hold).</summary>
    public bool Applies(FieldDefinition field) => FieldConstraints.Applies(field, Draft!.Record, Form);

    /// <summary>Where a field's value came from, in words.</summary>
    public static string SourceName(FieldSource source) => source switch
    {
        FieldSource.Chip => "身份证芯片",
        FieldSource.InitialData => "初始数据",
        _ => "手工录入",
    };

    private bool Load(Guid id, string section)
    {
        Draft = _state.Store!.LoadDraft(id);
        Section = Form.Sections.FirstOrDefault(s => s.Id == section);
        if (Draft is not null && Section is not null)
        {
            Previous = CollectionFlow.Previous(Draft.Record, Form, section);
        }
        return Draft is not null && Section is not null;
    }

    private string? Posted(FieldDefinition field)
    {
        var values = Request.Form["f." + field.Id];
        return field.Type switch
        {
            FieldType.Codes => values.Count == 0 ? null : string.Join(',', values.Where(v => !string.IsNullOrWhiteSpace(v)).Order(StringComparer.Ordinal)),
            _ => values.LastOrDefault()?.Trim(),
        };
    }

    private ILookup<string?, RecordIssue> SectionIssues(Record record)
    {
        var fields = Section!.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return RecordValidator.Validate(record).Where(i => i.FieldId is not null && fields.Contains(i.FieldId)).ToLookup(i => i.FieldId);
    }
}
