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
        html.Append("</table><p>工作台（进度、问题数据、报表）将在后续版本中提供。</p></body></html>");
        return html.ToString();
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));

    private static void Row(StringBuilder html, HtmlEncoder e, string label, string value) =>
        html.Append("<tr><th>").Append(e.Encode(label)).Append("</th><td>").Append(e.Encode(value)).Append("</td></tr>");
}
