namespace Terminal.Host.Reports.CrossCheck;

/// <summary>
/// The saved column mappings, one JSON file per department in a folder (e.g. the host's data folder), so a
/// department's next list is imported without mapping again. A save writes a temporary file, flushes it to disk and
/// renames it over the old one, so a power cut leaves the old mapping or the new, never half of one.
/// </summary>
public sealed class ColumnMappingStore(string folder)
{
    /// <summary>Saves the mapping of its department, replacing the one saved before.</summary>
    public void Save(ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var problems = mapping.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("\n", problems), nameof(mapping));
        }
        Directory.CreateDirectory(folder);
        var path = PathOf(mapping.Department);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(mapping.ToJson()));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The department's saved mapping, or null when none was saved.</summary>
    public ColumnMapping? Load(Department department)
    {
        var path = PathOf(department);
        return File.Exists(path) ? ColumnMapping.FromJson(File.ReadAllText(path)) : null;
    }

    private string PathOf(Department department) => Path.Combine(folder, $"cross-check-mapping-{department}.json");
}
