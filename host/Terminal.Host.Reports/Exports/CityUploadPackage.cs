using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Terminal.Host.Reports.Data;

namespace Terminal.Host.Reports.Exports;

/// <summary>
/// The package a district uploads to the city (seed 000: "形成区信息采集报告和汇总数据…报送至市"), in the format of
/// hardware-docs/host/city-upload.md: a zip holding manifest.json (what, whose, when, each file's SHA-256 and size),
/// SHA256SUMS (the same checksums, for sha256sum -c), the count tables and quality figures as CSV in the national code
/// tables, the subjects as CSV when given, the summary workbook and the report PDF when given.
/// </summary>
public static class CityUploadPackage
{
    /// <summary>The manifest's "format" value.</summary>
    public const string Format = "veteran-collection-city-upload";

    /// <summary>The format version this writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly (string File, string Kind)[] TableFiles =
    [
        ("data/by-category.csv", "category"), ("data/by-street.csv", "street"), ("data/by-collection-point.csv", "collectionPoint"),
        ("data/by-ethnic-group.csv", "ethnicGroup"), ("data/by-age-band.csv", "ageBand"), ("data/by-appeal-topic.csv", "appealTopic"),
    ];

    /// <summary>Writes the package to <paramref name="output"/> (left open). <paramref name="exportedBy"/> is the office
    /// user (recorded in the manifest; the host audits the export with it). Returns the manifest's file entries.</summary>
    public static IReadOnlyList<PackageFile> Write(CollectionReportData data, IEnumerable<SubjectRow>? subjects, byte[]? summaryXlsx, byte[]? reportPdf,
        string exportedBy, DateTimeOffset created, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(exportedBy);
        var files = new List<(string Path, byte[] Bytes, int? Rows, string? CodeTable)>();
        var tables = data.Tables();
        for (var i = 0; i < TableFiles.Length; i++)
        {
            var csv = new CsvTable().Row("代码", "名称", "人数");
            foreach (var row in tables[i].Rows)
            {
                csv.Row(row.Code, row.Name, row.Count.ToString(CultureInfo.InvariantCulture));
            }
            files.Add((TableFiles[i].File, csv.ToBytes(), csv.Rows, tables[i].CodeTable));
        }
        var quality = new CsvTable().Row("项目", "记录数");
        foreach (var (name, count) in data.Quality.Lines())
        {
            quality.Row(name, count.ToString(CultureInfo.InvariantCulture));
        }
        files.Add(("data/quality.csv", quality.ToBytes(), quality.Rows, null));
        if (subjects is not null)
        {
            var csv = new CsvTable().Row([.. SubjectRow.Headings]);
            foreach (var subject in subjects)
            {
                csv.Row([.. subject.Cells()]);
            }
            files.Add(("data/subjects.csv", csv.ToBytes(), csv.Rows, "见列名"));
        }
        if (summaryXlsx is not null)
        {
            files.Add(("summary.xlsx", summaryXlsx, null, null));
        }
        if (reportPdf is not null)
        {
            files.Add(("report.pdf", reportPdf, null, null));
        }

        var entries = files.Select(f => new PackageFile(f.Path, Sha256(f.Bytes), f.Bytes.LongLength, f.Rows, f.CodeTable)).ToList();
        var manifest = new JsonObject
        {
            ["format"] = Format,
            ["formatVersion"] = FormatVersion,
            ["district"] = new JsonObject { ["code"] = data.DistrictCode, ["name"] = data.DistrictName },
            ["asOf"] = Date(data.AsOf),
            ["referenceDate"] = Date(data.ReferenceDate),
            ["subjects"] = data.Subjects,
            ["createdAt"] = created.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["exportedBy"] = exportedBy,
            ["files"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
            {
                ["path"] = e.Path, ["sha256"] = e.Sha256, ["bytes"] = e.Bytes, ["rows"] = e.Rows, ["codeTable"] = e.CodeTable,
            })]),
        };
        var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var sums = new StringBuilder();
        foreach (var e in entries.Append(new PackageFile("manifest.json", Sha256(manifestBytes), manifestBytes.LongLength, null, null)))
        {
            sums.Append(e.Sha256).Append("  ").Append(e.Path).Append('\n');
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Add(zip, "manifest.json", manifestBytes, created);
        Add(zip, "SHA256SUMS", Encoding.UTF8.GetBytes(sums.ToString()), created);
        foreach (var (path, bytes, _, _) in files)
        {
            Add(zip, path, bytes, created);
        }
        return entries;
    }

    /// <summary>
    /// Checks a package as the city receives it: the manifest's format, every listed file present with its size and
    /// SHA-256, SHA256SUMS agreeing, no file that is not listed. Returns the problems in Chinese (empty: intact).
    /// </summary>
    public static IReadOnlyList<string> Verify(Stream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var problems = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
        }
        catch (InvalidDataException)
        {
            return ["文件不是有效的zip压缩包：可能在传送中损坏，请重新导出。"];
        }
        using (zip)
        {
            var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                using var copy = new MemoryStream();
                try
                {
                    s.CopyTo(copy);
                }
                catch (InvalidDataException)
                {
                    problems.Add($"{entry.FullName}：无法解压，文件已损坏。");
                    continue;
                }
                contents[entry.FullName] = copy.ToArray();
            }
            if (!contents.TryGetValue("manifest.json", out var manifestBytes))
            {
                problems.Add("缺少 manifest.json：这不是区级上报数据包。");
                return problems;
            }
            JsonNode? manifest;
            try
            {
                manifest = JsonNode.Parse(manifestBytes);
            }
            catch (JsonException)
            {
                problems.Add("manifest.json 不是有效的JSON：数据包已损坏。");
                return problems;
            }
            if (manifest?["format"]?.GetValue<string>() != Format || manifest["formatVersion"]?.GetValue<int>() != FormatVersion)
            {
                problems.Add($"manifest.json 的格式不是 {Format} 第{FormatVersion}版。");
                return problems;
            }
            var listed = new HashSet<string>(StringComparer.Ordinal) { "manifest.json", "SHA256SUMS" };
            foreach (var file in manifest["files"]?.AsArray() ?? [])
            {
                var path = file?["path"]?.GetValue<string>() ?? "";
                listed.Add(path);
                if (!contents.TryGetValue(path, out var bytes))
                {
                    problems.Add($"清单中的文件 {path} 不在数据包中。");
                    continue;
                }
                if (file!["bytes"]?.GetValue<long>() != bytes.LongLength)
                {
                    problems.Add($"{path}：大小为 {bytes.LongLength} 字节，与清单不符。");
                }
                if (!string.Equals(file["sha256"]?.GetValue<string>(), Sha256(bytes), StringComparison.Ordinal))
                {
                    problems.Add($"{path}：SHA-256 校验值与清单不符，文件已被改动或损坏。");
                }
            }
            foreach (var extra in contents.Keys.Where(k => !listed.Contains(k)))
            {
                problems.Add($"数据包中有清单未列出的文件 {extra}。");
            }
            if (!contents.TryGetValue("SHA256SUMS", out var sums))
            {
                problems.Add("缺少 SHA256SUMS。");
            }
            else
            {
                foreach (var line in Encoding.UTF8.GetString(sums).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = line.Split("  ", 2);
                    if (parts.Length != 2 || !contents.TryGetValue(parts[1], out var bytes) || Sha256(bytes) != parts[0])
                    {
                        problems.Add($"SHA256SUMS 的这一行与文件不符：{line}");
                    }
                }
            }
        }
        return problems;
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Add(ZipArchive zip, string path, byte[] bytes, DateTimeOffset created)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = created;
        using var s = entry.Open();
        s.Write(bytes);
    }
}

