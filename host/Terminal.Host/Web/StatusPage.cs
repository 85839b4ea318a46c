using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Terminal.Host.Web;

/// <summary>The host's status page (GET /): what this host serves and how much it holds. Every value is HTML-encoded.</summary>
internal static class StatusPage
{
    /// <summary>Encodes what HTML needs encoded (&lt; &gt; &amp; quotes) and leaves Chinese text readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Html(HostStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var e = Encoder;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>区县主机状态</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .8em;text-align:left}</style>")
            .Append("</head><body><h1>退役军人和其他优抚对象信息采集：区县主机</h1><table>");
        Row(html, e, "区县", $"{status.DistrictCode} {status.DistrictName}");
        Row(html, e, "数据库", status.DatabaseKind);
        Row(html, e, "区县公钥", $"{status.KeySuite}（标识 {status.KeyId}）");
        Row(html, e, "采集点", Count(status.Counts.CollectionPoints));
        Row(html, e, "已登记终端", Count(status.Counts.Terminals));
        Row(html, e, "已入库记录", Count(status.Counts.Records));
        Row(html, e, "记录版本（含更正）", Count(status.Counts.RecordVersions));
        Row(html, e, "程序版本", status.ProgramVersion);
        html.Append("</table><p><a href=\"/login\" id=\"dashboard\">进入工作台</a>（采集进度、未采集名单、终端、查询；需登录）</p></body></html>");
        return html.ToString();
    }

    /// <summary>The Chinese page for an error status that has no body of its own (a refused form, a missing page...).</summary>
    public static async Task ErrorAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        var message = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => "请求无效：表单已过期或不是从本工作台提交的（防伪校验未通过）。请返回，刷新页面后重新提交。",
            StatusCodes.Status403Forbidden => "您的账户角色无权进行此操作。如需权限，请联系管理员。",
            StatusCodes.Status404NotFound => "没有这个页面。",
            StatusCodes.Status405MethodNotAllowed => "此页面不接受这种请求。",
            _ => $"出错了（{response.StatusCode}）。请稍后重试；一直出错请联系技术人员。",
        };
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了</title></head><body><h1>出错了</h1><p id=\"error\">"
            + Encoder.Encode(message) + "</p><p><a href=\"/progress\">返回工作台</a></p></body></html>").ConfigureAwait(false);
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));

    private static void Row(StringBuilder html, HtmlEncoder e, string label, string value) =>
        html.Append("<tr><th>").Append(e.Encode(label)).Append("</th><td>").Append(e.Encode(value)).Append("</td></tr>");
}
