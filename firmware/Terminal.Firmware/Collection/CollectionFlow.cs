using Terminal.Records.Forms;
using Terminal.Records.Model;

namespace Terminal.Firmware.Collection;

/// <summary>
/// The order of a collection's pages, from the form definition and the record's categories (seed 001 §三): the
/// identity, the other identity fields and the evidence, the photos, the categories, one page per selected category's module,
/// living status, benefits, appeals, then the review. A revised form is a new definition, not new pages.
/// </summary>
public static class CollectionFlow
{
    /// <summary>The step where the categories are chosen (not a section of the form: the record's own set).</summary>
    public const string CategoriesStep = "categories";

    /// <summary>The photos: the personal photo and the documents shown (after the evidence section).</summary>
    public const string PhotosStep = "photos";

    /// <summary>The last step: everything shown as it will be signed.</summary>
    public const string ReviewStep = "review";

    /// <summary>The steps for <paramref name="record"/> as it stands.</summary>
    public static IReadOnlyList<string> Steps(Record record, FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(form);
        var steps = new List<string>();
        var categoriesAdded = false;
        foreach (var section in form.Sections)
        {
            if (section.Category is { } category)
            {
                if (!categoriesAdded)
                {
                    steps.Add(CategoriesStep);
                    categoriesAdded = true;
                }
                if (record.Categories.Contains((Records.Categories.Category)category))
                {
                    steps.Add(section.Id);
                }
                continue;
            }
            steps.Add(section.Id);
            if (section.Id == "evidence")
            {
                steps.Add(PhotosStep);
            }
        }
        steps.Add(ReviewStep);
        return steps;
    }

    /// <summary>The step after <paramref name="step"/>, or the review.</summary>
    public static string Next(Record record, FormDefinition form, string step)
    {
        var steps = Steps(record, form);
        var i = IndexOf(steps, step);
        return i >= 0 && i + 1 < steps.Count ? steps[i + 1] : ReviewStep;
    }

    /// <summary>The step before <paramref name="step"/>, or null on the first.</summary>
    public static string? Previous(Record record, FormDefinition form, string step)
    {
        var steps = Steps(record, form);
        var i = IndexOf(steps, step);
        return i > 0 ? steps[i - 1] : null;
    }

    /// <summary>The page of a step.</summary>
    public static string PageOf(string step) => step switch
    {
        CategoriesStep => "/Collect/Categories",
        PhotosStep => "/Collect/Photos",
        ReviewStep => "/Collect/Review",
        _ => "/Collect/Section",
    };

    private static int IndexOf(IReadOnlyList<string> steps, string step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] == step)
            {
                return i;
            }
        }
        return -1;
    }
}
