using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Host.Accounts;
using Terminal.Host.Configuration;
using Terminal.Host.Reports.Pdf;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Web.Pages;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Identity;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;

namespace Terminal.Host.Web;

/// <summary>
/// The manual collection path at the office (录入, seed 001: units without a terminal read the ID card on a PC or
/// type it, print the form for the subject to sign, photograph the subject and the documents): the clerk finds the
/// subject first (already collected by a terminal or the office is said before a second record is made), fills the
/// terminal's form definition checked by the same validator, reads the card on the PC's reader (Entry:ReaderPort)
/// or types the number, uploads photos and the signed form's scan; the record is stored by the district store's
/// ingest under the office's pseudo-terminal, so it gets the same checks, flags and reports as a docked record.
/// </summary>
internal static partial class Dashboard
{
    private const string EntryPolicy = "office-entry";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static void MapEntry(WebApplication app)
    {
        var options = app.Configuration.GetSection(EntryOptions.Section).Get<EntryOptions>() ?? new EntryOptions();
        var entry = app.MapGroup("/entry").RequireAuthorization(p => p.RequireRole(nameof(StaffRole.Administrator), nameof(StaffRole.Clerk)));
        entry.MapGet("", EntrySearchAsync);
        entry.MapGet("/new", async (HttpContext context, IAntiforgery antiforgery, DistrictStore store, string? id, CancellationToken token) =>
        {
            var number = IdNumber.Normalize(id);
            var record = NewOfficeRecord(User(context), "", Today());
            if (IdNumber.TryParse(number, Today(), out var parsed, out _))
            {
                record = record.With("identity.documentType", "1").With("identity.idNumber", parsed.Value).With("identity.birthDate", FieldValueFormat.FormatDate(parsed.BirthDate));
                if (await store.RosterEntryAsync(parsed.Value, token).ConfigureAwait(false) is { } roster)
                {
                    record = (record with { CollectionPointCode = roster.CollectionPointCode, TerminalId = DistrictStore.OfficeTerminalId(roster.CollectionPointCode) })
                        .With("identity.name", roster.Name, FieldSource.InitialData).With("personal.street", roster.Street, FieldSource.InitialData);
                }
            }
            var view = await ViewAsync(store, options, record, CardSource.Typed, new Dictionary<string, string>(), [], [], [], null, false, token).ConfigureAwait(false);
            return Page(Html.Page("录入采集表", User(context), EntryFormPage.Body(view, Token(context, antiforgery)), Token(context, antiforgery)));
        });
        entry.MapPost("/new", (HttpContext context, IAntiforgery antiforgery, DistrictStore store, IOfficeStore office, IFormCollection form, CancellationToken token) =>
            EntryPostAsync(context, antiforgery, store, office, options, form, token))
            .WithMetadata(new RequestSizeLimitAttribute(4 * EntryUploads.MaxUploadBytes));
        app.MapGet("/records/{id:guid}/scan", async (HttpContext context, IDistrictStore store, IOfficeStore office, Guid id, int version, CancellationToken token) =>
        {
            var provenance = await store.ProvenanceAsync(id, version, token).ConfigureAwait(false);
            var bytes = provenance is null ? null : await store.PhotoAsync(provenance.ScanSha256, token).ConfigureAwait(false);
            if (bytes is null || EntryUploads.Sha(bytes) != provenance!.ScanSha256)
            {
                return Results.Text("没有这份签字的采集表扫描件（或已损坏）", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }
            await AuditAsync(office, context, "查看签字采集表", "record:" + id.ToString("D"), $"第 {version} 版", token).ConfigureAwait(false);
            return Results.File(bytes, "image/jpeg");
        }).RequireAuthorization();
    }

    private static async Task<IResult> EntrySearchAsync(HttpContext context, IAntiforgery antiforgery, DistrictStore store, IOfficeStore office, string? q, CancellationToken token)
    {
        var query = q?.Trim();
        string? problem = null, start = null;
        RosterEntry? roster = null;
        IReadOnlyList<RecordSummary>? found = null;
        if (!string.IsNullOrEmpty(query))
        {
            if (query.Length > SearchPage.MaxQueryLength)
            {
                problem = $"查询内容太长：最多 {SearchPage.MaxQueryLength} 个字符";
            }
            else if (IdNumberLike().IsMatch(query) || query.Any(char.IsAsciiDigit))
            {
                if (IdNumber.TryParse(query, Today(), out var number, out var error))
                {
                    found = Newest(await store.FindByIdNumberAsync(number.Value, token).ConfigureAwait(false));
                    roster = await store.RosterEntryAsync(number.Value, token).ConfigureAwait(false);
                    start = number.Value;
                }
                else
                {
                    problem = error.Message;
                }
            }
            else
            {
                found = Newest(await store.SearchByNameAsync(query, 200, token).ConfigureAwait(false));
                problem = "按姓名只能查找已采集的记录；要开始录入，请输入身份证号码";
            }
            await AuditAsync(office, context, "录入前查询", "search", $"“{query}”，{found?.Count ?? 0} 条", token).ConfigureAwait(false);
        }
        return Page(Html.Page("录入：查找采集对象", User(context), EntrySearchPage.Body(query, problem, roster, found, start), Token(context, antiforgery)));
    }

    private static IReadOnlyList<RecordSummary> Newest(IReadOnlyList<RecordSummary> found) =>
        [.. found.GroupBy(r => r.RecordId).Select(g => g.MaxBy(r => r.Version)!)];

    private static async Task<IResult> EntryPostAsync(HttpContext context, IAntiforgery antiforgery, DistrictStore store, IOfficeStore office, EntryOptions options,
        IFormCollection form, CancellationToken token)
    {
        var user = User(context);
        var go = form["go"].LastOrDefault() ?? "check";
        var problems = new List<string>();
        var today = Today();

        // the record as posted: the collection data, categories and every field of the form definition
        var point = form["point"].LastOrDefault()?.Trim() ?? "";
        var collectedOn = today;
        if (form["collectedOn"].LastOrDefault() is { Length: > 0 } dateText && !FieldValueFormat.TryParseDate(dateText.Trim(), out collectedOn))
        {
            problems.Add("采集日期：请按“2018-10-01”的格式填写");
            collectedOn = today;
        }
        else if (collectedOn > today)
        {
            problems.Add("采集日期：不能晚于今天");
        }
        var record = NewOfficeRecord(user, point, collectedOn) with
        {
            RecordId = Guid.TryParseExact(form["rid"].LastOrDefault(), "D", out var rid) ? rid : Guid.NewGuid(),
            Mode = int.TryParse(form["mode"].LastOrDefault(), CultureInfo.InvariantCulture, out var m) && Enum.IsDefined((CollectionMode)m) ? (CollectionMode)m : CollectionMode.OnSite,
        };
        var categories = CategorySet.Empty;
        foreach (var c in form["cat"])
        {
            if (int.TryParse(c, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((Category)n))
            {
                categories = categories.With((Category)n);
            }
        }
        record = record with { Categories = categories };
        var chip = form.Keys.Where(k => k.StartsWith("chip.", StringComparison.Ordinal)).ToDictionary(k => k[5..], k => form[k].LastOrDefault() ?? "", StringComparer.Ordinal);
        var definition = FormDefinitions.Get(record.FormVersion);
        foreach (var field in definition.Fields)
        {
            var values = form["f." + field.Id];
            var posted = field.Type == FieldType.Codes
                ? values.Count == 0 ? null : string.Join(',', values.Where(v => !string.IsNullOrWhiteSpace(v)).Order(StringComparer.Ordinal))
                : values.LastOrDefault()?.Trim();
            var source = chip.TryGetValue(field.Id, out var fromChip) && fromChip == posted ? FieldSource.Chip : FieldSource.Operator;
            record = record.With(field.Id, posted, source);
        }
        record = record with { Values = record.Values.RemoveRange(record.Values.Keys.Where(k => !FieldConstraints.Applies(definition.Field(k), record, definition)).ToList()) };
        var cardSource = form["card"].LastOrDefault() == "reader" ? CardSource.Reader : CardSource.Typed;

        // photos: those accepted before (carried in the form) and those uploaded now
        var photos = new List<(PhotoKind Kind, PhotoBlob Blob, PhotoReference Reference)>();
        foreach (var kind in new[] { PhotoKind.ChipPhotoRaw, PhotoKind.IdCardPhoto, PhotoKind.PersonalPhoto, PhotoKind.DocumentPhoto })
        {
            foreach (var kept in form["keep." + kind])
            {
                if (EntryUploads.Carried(kind, kept) is { } accepted)
                {
                    photos.Add((kind, accepted.Blob, accepted.Reference));
                }
            }
        }
        foreach (var (kind, what) in new[] { (PhotoKind.IdCardPhoto, "身份证照片"), (PhotoKind.PersonalPhoto, "个人免冠近照"), (PhotoKind.DocumentPhoto, "证件材料照片") })
        {
            foreach (var file in form.Files.GetFiles(kind.ToString()).Where(f => f.Length > 0 || f.FileName.Length > 0))
            {
                var (blob, reference, problem) = EntryUploads.Photo(kind, what + "“" + file.FileName + "”", await ReadAsync(file, token).ConfigureAwait(false));
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else if (kind != PhotoKind.DocumentPhoto)
                {
                    photos.RemoveAll(p => p.Kind == kind); // a new one replaces the one before
                    photos.Add((kind, blob!, reference!));
                }
                else if (!photos.Any(p => p.Blob.Sha256 == blob!.Sha256))
                {
                    photos.Add((kind, blob!, reference!));
                }
            }
        }

        string? notice = null;
        if (go == "read")
        {
            (record, cardSource, notice) = await ReadCardAsync(options, record, chip, photos, problems, token).ConfigureAwait(false);
        }
        record = record with { Photos = [.. photos.Select(p => p.Reference)] };

        if (go == "print")
        {
            return PrintForm(record);
        }

        PhotoBlob? scan = null;
        if (form.Files.GetFile("scan") is { } scanFile && (scanFile.Length > 0 || scanFile.FileName.Length > 0))
        {
            var (blob, problem) = EntryUploads.Scan(await ReadAsync(scanFile, token).ConfigureAwait(false));
            if (problem is not null)
            {
                problems.Add(problem);
            }
            scan = blob;
        }
        if (point.Length == 0 || !(await store.CollectionPointsAsync(token).ConfigureAwait(false)).Any(p => p.Code == point))
        {
            problems.Add("采集点：请选择本人所属的采集点");
        }
        var issues = RecordValidator.Validate(record).Where(i => i.Code != IssueCode.SignatureMissing).ToList();
        var idNumber = record.Text("identity.idNumber");
        var already = idNumber is null ? [] : Newest(await store.FindByIdNumberAsync(idNumber, token).ConfigureAwait(false)).Where(s => s.RecordId != record.RecordId).ToList();
        var confirmed = form["duplicate"].LastOrDefault() == "yes";
        if (go == "save")
        {
            if (cardSource == CardSource.Typed && !photos.Any(p => p.Kind == PhotoKind.IdCardPhoto))
            {
                problems.Add("身份证照片：没有用读卡器读卡时，必须上传身份证照片");
            }
            if (scan is null && !problems.Any(p => p.StartsWith("签字的采集表", StringComparison.Ordinal)))
            {
                problems.Add("签字的采集表扫描件：请上传采集对象签字的采集表（扫描或拍照）");
            }
            if (already.Count > 0 && !confirmed)
            {
                problems.Add("此人已采集过：请核实；确需再录一条时，勾选“已核实，仍要录入”");
            }
            if (problems.Count == 0 && RecordValidator.ReadyToFinalize(issues))
            {
                var signed = record with { Signature = new SignatureReference(RecordSerializer.ContentHash(record), scan!.Sha256, scan.Sha256, DateTimeOffset.UtcNow) };
                try
                {
                    var flags = await store.EnterAtOfficeAsync(new OfficeEntry(signed, [.. photos.Select(p => p.Blob)], scan, user.UserName, cardSource, DateTimeOffset.UtcNow), token).ConfigureAwait(false);
                    await AuditAsync(office, context, "办公室录入", "record:" + signed.RecordId.ToString("D"),
                        $"{(cardSource == CardSource.Reader ? "读卡" : "手工输入身份证")}，{(flags.Count == 0 ? "无问题" : "问题：" + string.Join("、", flags))}", token).ConfigureAwait(false);
                    return Results.Redirect($"/records/{signed.RecordId:D}?entered=1");
                }
                catch (IngestConflictException e)
                {
                    problems.Add(e.Message);
                }
            }
            else if (!RecordValidator.ReadyToFinalize(issues))
            {
                problems.Add("采集表还有必须改正的内容（见下方红字），改正后再保存");
            }
        }
        var carried = photos.Select(p => (p.Kind, Convert.ToBase64String(p.Blob.Bytes))).ToList();
        var view = await ViewAsync(store, options, record, cardSource, chip, carried, issues, problems, notice ?? (go == "check" && problems.Count == 0 && issues.Count == 0 ? "检查通过：没有发现问题" : null), confirmed, token).ConfigureAwait(false);
        return Page(Html.Page("录入采集表", user, EntryFormPage.Body(view with { AlreadyCollected = already }, Token(context, antiforgery)), Token(context, antiforgery)));
    }

    /// <summary>Reads the card on the office PC's reader with the terminal's driver; its fields fill the form (source: chip).</summary>
    private static async Task<(Record, CardSource, string?)> ReadCardAsync(EntryOptions options, Record record, Dictionary<string, string> chip,
        List<(PhotoKind Kind, PhotoBlob Blob, PhotoReference Reference)> photos, List<string> problems, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(options.ReaderPort))
        {
            problems.Add("本机没有配置身份证阅读器（设置 Entry:ReaderPort）：请手工输入身份证号码，并上传身份证照片");
            return (record, CardSource.Typed, null);
        }
        var reader = new IdCardReaderOptions { PortName = options.ReaderPort, BaudRate = options.ReaderBaudRate };
        CardReadResult result;
        try
        {
            await using var port = SerialSamConnection.Open(reader);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            result = await new IdCardReader(port, reader).ReadCardAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (ReaderUnavailableException e)
        {
            problems.Add(e.Message);
            return (record, CardSource.Typed, null);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            problems.Add(IdCardReader.NoAnswer);
            return (record, CardSource.Typed, null);
        }
        if (result is not CardReadResult.Read read)
        {
            problems.Add("读卡没有成功：" + result.Message);
            return (record, CardSource.Typed, null);
        }
        foreach (var (field, value) in CardIdentityFields.From(read.Card.Identity))
        {
            record = record.With(field, value, FieldSource.Chip);
            chip[field] = value;
        }
        problems.AddRange(read.Card.Identity.Problems);
        var raw = read.Card.Photo.ToArray();
        if (EntryUploads.Carried(PhotoKind.ChipPhotoRaw, Convert.ToBase64String(raw)) is { } photo)
        {
            photos.RemoveAll(p => p.Kind == PhotoKind.ChipPhotoRaw);
            photos.Add((PhotoKind.ChipPhotoRaw, photo.Blob, photo.Reference));
        }
        return (record, CardSource.Reader, $"读卡成功：{read.Card.Identity.Name}，身份证信息已填入（来自身份证芯片）");
    }

    private static IResult PrintForm(Record record)
    {
        try
        {
            using var font = ReportFont.Find();
            var pdf = new MemoryStream();
            CollectionFormPdf.Write(record, font, pdf, DateTimeOffset.UtcNow);
            return Results.File(pdf.ToArray(), "application/pdf", $"采集表-{record.Text("identity.name") ?? "未填姓名"}.pdf");
        }
        catch (ReportFontException e)
        {
            return Results.Text("无法打印采集表：" + e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<EntryFormView> ViewAsync(DistrictStore store, EntryOptions options, Record record, CardSource source, IReadOnlyDictionary<string, string> chip,
        IReadOnlyList<(PhotoKind, string)> photos, IReadOnlyList<RecordIssue> issues, IReadOnlyList<string> problems, string? notice, bool confirmed, CancellationToken token) =>
        new(record, source, chip, photos, issues, problems, notice, await store.CollectionPointsAsync(token).ConfigureAwait(false),
            !string.IsNullOrWhiteSpace(options.ReaderPort), [], confirmed);

    private static Record NewOfficeRecord(OfficeUser user, string point, DateOnly on) => new()
    {
        RecordId = Guid.NewGuid(),
        FormVersion = FormDefinitions.Current.Version,
        Mode = CollectionMode.OnSite,
        CollectedOn = on,
        TerminalId = DistrictStore.OfficeTerminalId(point),
        OperatorId = user.UserName,
        CollectionPointCode = point,
    };

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken token)
    {
        if (file.Length > EntryUploads.MaxUploadBytes)
        {
            return new byte[EntryUploads.MaxUploadBytes + 1]; // refused by size, not read
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, token).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime);
}
