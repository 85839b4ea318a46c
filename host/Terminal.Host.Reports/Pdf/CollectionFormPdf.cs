using System.Globalization;
using SkiaSharp;
using Terminal.Host.Reports.Data;
using Terminal.Records.Categories;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Host.Reports.Pdf;

/// <summary>
/// One subject's collection form (信息采集表) as PDF, for the subject's signature and for filing (seed 001 §四(三)2:
/// "应打印或手工填写信息采集表，经采集对象签字确认"). Rendered from the form definition the record was collected under:
/// its sections in order, the twelve categories as tick boxes, the modules of the selected categories, every field
/// that applies with its value (blank lines for what is missing, to be completed by hand), then the signature boxes
/// — with the subject's electronic signature and personal photo when the host passes their images.
/// </summary>
public static class CollectionFormPdf
{
    private const float PhotoWidth = 70f;
    private const float PhotoHeight = 90f;

    /// <summary>Writes the form of <paramref name="record"/> to <paramref name="output"/> (left open).</summary>
    public static PdfWriteResult Write(Record record, ReportFont font, Stream output, DateTimeOffset printed, FormImages? images = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var form = FormDefinitions.Get(record.FormVersion);
        var name = record.Text("identity.name") ?? "（姓名未填）";
        var running = $"{form.Title}　{name}　记录 {record.RecordId:D} 第{record.Version}版";
        return PdfPages.Write(output, font, new PdfInfo($"{form.Title}（{name}）", running, printed, "信息采集表"),
            pages => Draw(pages, form, record, printed, images ?? new FormImages()));
    }

    private static void Draw(PdfPages pages, FormDefinition form, Record record, DateTimeOffset printed, FormImages images)
    {
        pages.NewPage();
        pages.Line(form.Title, 18, align: SKTextAlign.Center, spaceAfter: 4);
        pages.Line($"（采集表版本 {form.Version}，标准时点 {CollectionReportPdf.Date(form.ReferenceDate)}）", 9, new SKColor(0x44, 0x44, 0x44), align: SKTextAlign.Center, spaceAfter: 10);
        var top = pages.Y;
        var photoFrame = new SKRect(PdfPages.PageWidth - PdfPages.Margin - PhotoWidth, top, PdfPages.PageWidth - PdfPages.Margin, top + PhotoHeight);
        PhotoBox(pages, photoFrame, images.PersonalPhotoJpeg);
        pages.Line($"采集点：{FieldDisplay.CollectionPointName(record.CollectionPointCode)}（{record.CollectionPointCode}）", 10, spaceAfter: 3);
        pages.Line($"采集方式：{FieldDisplay.ModeName(record.Mode)}　　采集日期：{CollectionReportPdf.Date(record.CollectedOn)}", 10, spaceAfter: 3);
        pages.Line($"采集终端：{record.TerminalId}　　采集人：{record.OperatorId}", 10, spaceAfter: 3);
        pages.Line($"记录编号：{record.RecordId:D}（第{record.Version}版）", 10, spaceAfter: 3);
        pages.Y = Math.Max(pages.Y, photoFrame.Bottom) + 8;

        pages.Line("对象类别（可复选，规则见填表说明）", 11, spaceAfter: 4);
        CategoryBoxes(pages, record.Categories);

        foreach (var section in form.Sections)
        {
            if (section.Category is { } c && !record.Categories.Contains((Category)c))
            {
                continue;
            }
            var fields = section.Fields.Where(f => FieldConstraints.Applies(f, record, form)).ToList();
            if (fields.Count == 0)
            {
                continue;
            }
            pages.Reserve(50);
            pages.Space(4);
            pages.Line(section.Title, 11, spaceAfter: 3);
            var table = new PdfTable(pages, [new("项目", 1.1f), new("内容", 2.2f), new("项目", 1.1f), new("内容", 2.2f)], 9);
            for (var i = 0; i < fields.Count; i += 2)
            {
                var right = i + 1 < fields.Count ? fields[i + 1] : null;
                table.Row(Label(fields[i]), FieldDisplay.Text(form, fields[i], record),
                    right is null ? "" : Label(right), right is null ? "" : FieldDisplay.Text(form, right, record));
            }
            table.End(4);
        }
        Signatures(pages, record, printed, images);
    }

    private static string Label(FieldDefinition field) => field.Required ? field.Label + " *" : field.Label;

    private static void CategoryBoxes(PdfPages pages, CategorySet selected)
    {
        const float rowHeight = 15f;
        var columnWidth = PdfPages.ContentWidth / 3;
        var canvas = pages.Reserve(rowHeight * 4 + 6);
        using var box = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.8f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var tick = new SKPaint { Color = SKColors.Black, StrokeWidth = 1.4f, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        for (var n = 1; n <= 12; n++)
        {
            var x = PdfPages.Margin + (n - 1) % 3 * columnWidth;
            var y = pages.Y + (n - 1) / 3 * rowHeight;
            var square = new SKRect(x, y + 2, x + 9, y + 11);
            canvas.DrawRect(square, box);
            if (selected.Contains((Category)n))
            {
                canvas.DrawLine(square.Left + 1.5f, square.MidY, square.Left + 3.8f, square.Bottom - 1.5f, tick);
                canvas.DrawLine(square.Left + 3.8f, square.Bottom - 1.5f, square.Right - 1.2f, square.Top + 1.2f, tick);
            }
            pages.DrawText(CategoryNames.Label((Category)n), x + 13, y + 10, SKTextAlign.Left, 9, ink);
        }
        pages.Y += rowHeight * 4 + 6;
    }

    private static void Signatures(PdfPages pages, Record record, DateTimeOffset printed, FormImages images)
    {
        var canvas = pages.Reserve(150);
        pages.Space(8);
        pages.Paragraph("本人已核对以上信息，确认真实、准确、完整。", 10, spaceAfter: 6);
        var y = pages.Y;
        var half = PdfPages.ContentWidth / 2;
        using var border = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var subject = new SKRect(PdfPages.Margin, y, PdfPages.Margin + half - 6, y + 90);
        var worker = new SKRect(PdfPages.Margin + half + 6, y, PdfPages.PageWidth - PdfPages.Margin, y + 90);
        canvas.DrawRect(subject, border);
        canvas.DrawRect(worker, border);
        pages.DrawText("采集对象签字（或按手印）：", subject.Left + 4, subject.Top + 12, SKTextAlign.Left, 9, ink);
        pages.DrawText("采集人签字：", worker.Left + 4, worker.Top + 12, SKTextAlign.Left, 9, ink);
        var signedOn = record.Signature is { } s ? CollectionReportPdf.Date(DateOnly.FromDateTime(s.SignedAt.ToOffset(printed.Offset).DateTime)) : "＿＿＿＿年＿＿月＿＿日";
        pages.DrawText($"日期：{signedOn}", subject.Left + 4, subject.Bottom - 6, SKTextAlign.Left, 9, ink);
        pages.DrawText("日期：＿＿＿＿年＿＿月＿＿日", worker.Left + 4, worker.Bottom - 6, SKTextAlign.Left, 9, ink);
        if (images.SignaturePng is { } signature)
        {
            DrawImage(pages, signature, new SKRect(subject.Left + 20, subject.Top + 18, subject.Right - 20, subject.Bottom - 16));
        }
        pages.Y = subject.Bottom + 8;
        var note = record.Signature is { } sig
            ? $"电子签名绑定内容摘要 SHA-256 {sig.ContentSha256[..16]}…，签字时间 {sig.SignedAt.ToOffset(printed.Offset):yyyy-MM-dd HH:mm}。"
            : "本记录尚无电子签名：请采集对象在上方签字确认。";
        pages.Paragraph($"{note}打印于 {printed:yyyy-MM-dd HH:mm}。带 * 的项目为必填项。", 8, spaceAfter: 0);
    }

    private static void PhotoBox(PdfPages pages, SKRect frame, byte[]? jpeg)
    {
        var canvas = pages.Reserve(PhotoHeight);
        using var border = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(frame, border);
        if (jpeg is null)
        {
            using var grey = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), IsAntialias = true };
            pages.DrawText("个人免冠近照", frame.MidX, frame.MidY, SKTextAlign.Center, 8, grey);
            return;
        }
        DrawImage(pages, jpeg, frame);
    }

    private static void DrawImage(PdfPages pages, byte[] encoded, SKRect frame)
    {
        using var image = SKImage.FromEncodedData(encoded)
            ?? throw new ArgumentException("图片无法读取：照片或签名图像已损坏，请重新导出后再打印。", nameof(encoded));
        var scale = Math.Min(frame.Width / image.Width, frame.Height / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        var target = SKRect.Create(frame.MidX - w / 2, frame.MidY - h / 2, w, h);
        pages.Canvas!.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
    }
}
