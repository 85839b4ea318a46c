using NJsonSchema;

namespace Terminal.Records.Tests.Forms;

/// <summary>The shipped form definitions conform to the schema that documents them.</summary>
[TestClass]
public sealed class FormSchemaTests
{
    private static readonly string FormsFolder = Path.Combine(AppContext.BaseDirectory, "Forms");

    private static Task<JsonSchema> SchemaAsync() => JsonSchema.FromFileAsync(Path.Combine(FormsFolder, "form-definition.schema.json"));

    [TestMethod]
    public async Task EveryShippedForm_ConformsToTheSchema()
    {
        var schema = await SchemaAsync();
        var forms = Directory.GetFiles(FormsFolder, "form-2*.json");
        Assert.IsNotEmpty(forms);
        foreach (var path in forms)
        {
            var errors = schema.Validate(await File.ReadAllTextAsync(path));
            Assert.IsEmpty(errors, Path.GetFileName(path) + ": " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
        }
    }

    [TestMethod]
    [DataRow("\"type\": \"phone\"", "\"type\": \"telephone\"")]
    [DataRow("\"maxLength\": 60", "\"maxLength\": 0")]
    [DataRow("\"category\": 7,", "\"category\": 13,")]
    public async Task Schema_RefusesABrokenForm(string from, string to)
    {
        var json = (await File.ReadAllTextAsync(Path.Combine(FormsFolder, "form-2018.1.json"))).Replace(from, to, StringComparison.Ordinal);
        Assert.IsNotEmpty((await SchemaAsync()).Validate(json));
    }
}
