using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Terminal.Host.Accounts;
using Terminal.Host.Configuration;
using Terminal.Host.Reports.CrossCheck;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;

namespace Terminal.Host.Web;

/// <summary>
/// The 比对核查 endpoints (issue 10): a department's list uploaded (kept in the data folder until imported), its
/// columns mapped once per department, parsed strictly (a malformed row stops the import, reported by row), matched
/// against the current version of every subject, and every discrepancy stored with the run in one transaction.
/// </summary>
internal static partial class Dashboard
{
    /// <summary>The largest list file taken (a district's household registration extract is far smaller).</summary>
    private const long MaxListBytes = 50L * 1024 * 1024;

    private static void MapCrossCheck(RouteGroupBuilder office)
    {
        office.MapGet("/cross-check", CrossCheckAsync);
        office.MapPost("/cross-check/upload", UploadListAsync).RequireAuthorization(ReviewPolicy).DisableAntiforgery().AddEndpointFilter(CheckAntiforgeryAsync);
        office.MapPost("/cross-check/import", ImportListAsync).RequireAuthorization(ReviewPolicy);
        office.MapPost("/cross-check/items/{run:guid}/{position:int}", WorkItemAsync).RequireAuthorization(ReviewPolicy);
    }

    /// <summary>A multipart form's antiforgery token, checked before the file is read.</summary>
    private static async ValueTask<object?> CheckAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context.HttpContext).ConfigureAwait(false)
            ? await next(context).ConfigureAwait(false)
            : Results.Text("表单已过期或来源不明：请刷新页面后重新提交", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CrossCheckAsync(HttpContext context, IAntiforgery antiforgery, ICrossCheckStore checks, string? state, Guid? run, string? message, CancellationToken token)
    {
        ReviewState? filter = state == "all" ? null : Enum.TryParse<ReviewState>(state, out var s) ? s : ReviewState.Open;
        var csrf = Token(context, antiforgery);
        var body = CrossCheckPage.Body(StaffRoles.MayReview(User(context).Role), csrf, await checks.RunsAsync(20, token).ConfigureAwait(false),
            await checks.ReviewItemsAsync(filter, run, 1000, token).ConfigureAwait(false), filter, run, message);
        return Page(Html.Page("比对核查", User(context), body, csrf));
    }

    private static async Task<IResult> UploadListAsync(HttpContext context, IAntiforgery antiforgery, ICrossCheckStore checks, IDistrictReportStore reports, IOfficeStore office,
        IOptions<DistrictOptions> district, CancellationToken token)
    {
        var form = await context.Request.ReadFormAsync(token).ConfigureAwait(false);
        var file = form.Files.GetFile("file");
        if (!Enum.TryParse<Department>(form["department"].ToString(), out var department) || !Enum.IsDefined(department))
        {
            return CrossCheckProblem(context, antiforgery, "请选择名单来自哪个部门。");
        }
        if (file is null || file.Length == 0)
        {
            return CrossCheckProblem(context, antiforgery, "请选择要上传的名单文件（CSV 或 Excel .xlsx）。");
        }
        if (file.Length > MaxListBytes)
        {
            return CrossCheckProblem(context, antiforgery, $"文件太大（{file.Length / 1024 / 1024} MB）：最多 {MaxListBytes / 1024 / 1024} MB，请分成几个文件上传。");
        }
        var fileName = Path.GetFileName(file.FileName);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, token).ConfigureAwait(false);
        }
        ListTable table;
        try
        {
            table = ListFileReader.Read(new MemoryStream(bytes), fileName);
        }
        catch (ListFileException e)
        {
            return CrossCheckProblem(context, antiforgery, e.Message);
        }
        var upload = Guid.NewGuid();
        var path = UploadPath(district.Value, upload);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path + ".tmp", bytes, token).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true);
        var saved = await checks.ColumnMappingAsync(department.ToString(), token).ConfigureAwait(false) is { } json ? ColumnMapping.FromJson(json) : null;
        var headings = table.Headings.Select(h => h.Trim()).ToHashSet(StringComparer.Ordinal);
        if (saved is not null && saved.Columns.Values.All(h => headings.Contains(h.Trim())))
        {
            return await ImportAsync(context, antiforgery, checks, reports, office, district.Value, saved, upload, fileName, table, token).ConfigureAwait(false);
        }
        var chosen = saved?.Columns ?? Guess(table.Headings);
        return Page(Html.Page("设置名单的列", User(context), CrossCheckPage.MappingForm(Token(context, antiforgery), department, fileName, upload, table.Headings, chosen, []), Token(context, antiforgery)));
    }

    private static async Task<IResult> ImportListAsync(HttpContext context, IAntiforgery antiforgery, ICrossCheckStore checks, IDistrictReportStore reports, IOfficeStore office,
        IOptions<DistrictOptions> district, [FromForm] string? department, [FromForm] Guid upload, [FromForm] string? fileName, CancellationToken token)
    {
        var form = await context.Request.ReadFormAsync(token).ConfigureAwait(false);
        var path = UploadPath(district.Value, upload);
        if (!Enum.TryParse<Department>(department, out var d) || !Enum.IsDefined(d) || !File.Exists(path))
        {
            return CrossCheckProblem(context, antiforgery, "上传的名单已失效：请重新上传。");
        }
        var columns = new Dictionary<ListField, string>();
        foreach (var field in Enum.GetValues<ListField>())
        {
            if (form["map_" + field].ToString() is { Length: > 0 } heading)
            {
                columns[field] = heading;
            }
        }
        var name = Path.GetFileName(fileName ?? "名单");
        var table = ListFileReader.Read(new MemoryStream(await File.ReadAllBytesAsync(path, token).ConfigureAwait(false)), name);
        var mapping = new ColumnMapping { Department = d, Columns = columns };
        var problems = mapping.Problems();
        if (problems.Count > 0)
        {
            return Page(Html.Page("设置名单的列", User(context), CrossCheckPage.MappingForm(Token(context, antiforgery), d, name, upload, table.Headings, columns, problems), Token(context, antiforgery)),
                StatusCodes.Status422UnprocessableEntity);
        }
        return await ImportAsync(context, antiforgery, checks, reports, office, district.Value, mapping, upload, name, table, token).ConfigureAwait(false);
    }

    /// <summary>Parses the list strictly, matches it, and stores the run with its items and the mapping: all or nothing.</summary>
    private static async Task<IResult> ImportAsync(HttpContext context, IAntiforgery antiforgery, ICrossCheckStore checks, IDistrictReportStore reports, IOfficeStore office,
        DistrictOptions district, ColumnMapping mapping, Guid upload, string fileName, ListTable table, CancellationToken token)
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var import = DepartmentListParser.Parse(table, mapping, fileName, today);
        if (!import.Succeeded)
        {
            var messages = import.Problems.Select(p => p.Message).ToList();
            return Page(Html.Page("设置名单的列", User(context), CrossCheckPage.MappingForm(Token(context, antiforgery), mapping.Department, fileName, upload, table.Headings, mapping.Columns, messages),
                Token(context, antiforgery)), StatusCodes.Status422UnprocessableEntity);
        }
        var subjects = new List<CrossCheckSubject>();
        await foreach (var record in reports.CurrentRecordsAsync(null, token).ConfigureAwait(false))
        {
            subjects.Add(CrossCheckSubject.From(record));
        }
        var result = CrossCheckMatcher.Match(subjects, import.List!, new CrossCheckOptions { ReportSubjectsNotOnList = mapping.Department == Department.PublicSecurity });
        var path = UploadPath(district, upload);
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, token).ConfigureAwait(false)));
        var run = new CrossCheckRun(Guid.NewGuid(), mapping.Department.ToString(), fileName, sha, import.List!.Entries.Count, subjects.Count, User(context).UserName, DateTimeOffset.UtcNow);
        await checks.SaveRunAsync(run, mapping.ToJson(), [.. result.ReviewItems.Select(i => new NewReviewItem(i.Kind.ToString(), i.RecordId, i.ListRow, i.Description))], token).ConfigureAwait(false);
        File.Delete(path);
        await AuditAsync(office, context, "导入比对名单", "cross-check:" + run.RunId.ToString("D"),
            $"{DepartmentNames.Name(mapping.Department)}，{fileName}，名单 {run.ListRows} 人，比对 {subjects.Count} 人，核查问题 {result.ReviewItems.Count} 项，SHA-256 {sha}", token).ConfigureAwait(false);
        var message = $"已导入{DepartmentNames.Name(mapping.Department)}名单 {run.ListRows} 人，发现 {result.ReviewItems.Count} 项需核查的问题。";
        return Results.Redirect($"/cross-check?run={run.RunId:D}&message={Uri.EscapeDataString(message)}");
    }

    private static async Task<IResult> WorkItemAsync(HttpContext context, ICrossCheckStore checks, IOfficeStore office, Guid run, int position,
        [FromForm] string? state, [FromForm] string? note, CancellationToken token)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Enum.TryParse<ReviewState>(state, out var s) || !Enum.IsDefined(s) || text is { Length: > 500 })
        {
            return Results.Text("处理状态或备注有误（备注最多 500 字）：请返回重试", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        if (s != ReviewState.Open && text is null)
        {
            return Results.Text("请在备注中写明核实情况（例如“已与户籍核对，住址以采集为准”），再保存", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!await checks.WorkReviewItemAsync(run, position, s, text, User(context).UserName, DateTimeOffset.UtcNow, token).ConfigureAwait(false))
        {
            return Results.Text("没有这项核查问题", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        await AuditAsync(office, context, "处理核查问题", "cross-check:" + run.ToString("D"), $"第 {position + 1} 项：{CrossCheckPage.StateName(s)}；{text}", token).ConfigureAwait(false);
        return Results.Redirect($"/cross-check?run={run:D}&state=all");
    }

    private static IResult CrossCheckProblem(HttpContext context, IAntiforgery antiforgery, string message) =>
        Page(Html.Page("比对核查", User(context), $"<p class=\"bad\" id=\"problem\">{Html.E(message)}</p><p><a href=\"/cross-check\">返回比对核查</a></p>", Token(context, antiforgery)),
            StatusCodes.Status422UnprocessableEntity);

    private static string UploadPath(DistrictOptions district, Guid upload) =>
        Path.Combine(district.DataFolder, "cross-check-uploads", upload.ToString("N") + ".list");

    /// <summary>A first guess for a new department's columns: a heading that names the field.</summary>
    private static Dictionary<ListField, string> Guess(IReadOnlyList<string> headings)
    {
        var guesses = new Dictionary<ListField, string>();
        (ListField Field, string[] Words)[] words =
        [
            (ListField.IdNumber, ["身份证", "公民身份号码", "证件号"]), (ListField.Name, ["姓名"]), (ListField.BirthDate, ["出生"]), (ListField.Sex, ["性别"]),
            (ListField.Category, ["类别"]), (ListField.Address, ["住址", "地址"]), (ListField.DeathDate, ["死亡"]),
        ];
        foreach (var (field, candidates) in words)
        {
            if (headings.FirstOrDefault(h => candidates.Any(w => h.Contains(w, StringComparison.Ordinal))) is { } heading)
            {
                guesses[field] = heading;
            }
        }
        return guesses;
    }
}
