using System.Collections.Frozen;
using System.Reflection;

namespace Terminal.Records.Forms;

/// <summary>The form definitions shipped in this library (Forms/form-*.json), by version.</summary>
public static class FormDefinitions
{
    private static readonly Lazy<FrozenDictionary<string, FormDefinition>> All = new(Load);

    /// <summary>The version new records are collected under.</summary>
    public const string CurrentVersion = "2018.1";

    /// <summary>The form new records are collected under.</summary>
    public static FormDefinition Current => Get(CurrentVersion);

    /// <summary>Every shipped version.</summary>
    public static IEnumerable<string> Versions => All.Value.Keys.Order(StringComparer.Ordinal);

    /// <summary>The form of a version; throws <see cref="KeyNotFoundException"/> naming the version when unknown.</summary>
    public static FormDefinition Get(string version) =>
        All.Value.TryGetValue(version, out var form)
            ? form
            : throw new KeyNotFoundException($"采集表版本“{version}”不存在：本程序支持的版本为 {string.Join("、", Versions)}");

    /// <summary>True when this library knows the version.</summary>
    public static bool Exists(string version) => All.Value.ContainsKey(version);

    private static FrozenDictionary<string, FormDefinition> Load()
    {
        var assembly = typeof(FormDefinitions).Assembly;
        var forms = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => IsFormResource(n)))
        {
            var form = FormDefinition.Parse(ReadAll(assembly, name));
            if (name != $"Terminal.Records.Forms.form-{form.Version}.json")
            {
                throw new FormatException($"{name} declares version {form.Version}: the file name must carry the version");
            }
            forms.Add(form.Version, form);
        }
        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool IsFormResource(string name) =>
        name.StartsWith("Terminal.Records.Forms.form-", StringComparison.Ordinal)
        && name.EndsWith(".json", StringComparison.Ordinal)
        && char.IsAsciiDigit(name["Terminal.Records.Forms.form-".Length]);

    private static byte[] ReadAll(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing resource {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
