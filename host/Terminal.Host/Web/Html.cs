using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Terminal.Host.Web;

/// <summary>
/// The office pages' HTML: every text that is not a literal of this program goes through <see cref="E"/> (names,
/// free text, codes, what was typed into a search box), so a subject named &lt;script&gt; shows as text.
/// </summary>
internal static class Html
{
    /// <summary>Encodes what HTML needs encoded (&lt; &gt; &amp; quotes) and leaves Chinese text readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Text (or an attribute value) made safe for HTML.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>A count as the office reads it (thousands separated).</summary>
    public static string N(long n) => n.ToString("N0", Chinese);

    /// <summary>A percentage of <paramref name="part"/> in <paramref name="whole"/>, or a dash.</summary>
    public static string Percent(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A time in Beijing time.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>A value for a URL query (then HTML-encoded by the caller's <see cref="E"/>).</summary>
    public static string Q(string text) => Uri.EscapeDataString(text);

    private const string Style =
        "body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;margin:0;color:#222}" +
        "header{background:#8b1a1a;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:center;flex-wrap:wrap}" +
        "header a{color:#fff}header .who{margin-left:auto}main{padding:1em 1.5em}" +
        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #aaa;padding:.3em .7em;text-align:left;vertical-align:top}" +
        "th{background:#f1ece4}td.n{text-align:right}.bad{color:#b00020;font-weight:bold}.ok{color:#1b6e20;font-weight:bold}" +
        ".warn{color:#8a5a00}.box{border:1px solid #ccc;padding:.8em 1em;margin:1em 0;max-width:40em}" +
        "input,button,select{font-size:1em;padding:.3em .5em}button{cursor:pointer}img.photo{max-width:240px;max-height:320px;border:1px solid #999}" +
        "figure{display:inline-block;margin:0 1em 1em 0}form.inline{display:inline}";

    /// <summary>A whole page: <paramref name="title"/> (text) and <paramref name="body"/> (HTML this program built).</summary>
    public static string Page(string title, OfficeUser? user, string body, string csrfToken = "")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · 区县工作台</title><style>")
            .Append(Style).Append("</style></head><body><header><strong>退役军人和其他优抚对象信息采集 · 区县工作台</strong>");
        if (user is not null)
        {
            html.Append("<nav><a href=\"/progress\">采集进度</a> · <a href=\"/not-seen\">未采集名单</a> · <a href=\"/terminals\">终端</a> · <a href=\"/search\">查询</a> · <a href=\"/quality\">审核</a> · <a href=\"/corrections\" id=\"menu-corrections\">补正</a> · <a href=\"/reports\">报表</a> · <a href=\"/cross-check\">比对核查</a>");
            if (Accounts.StaffRoles.MayEnter(user.Role))
            {
                html.Append(" · <a href=\"/entry\" id=\"menu-entry\">录入</a>");
            }
            if (Accounts.StaffRoles.MayReadOfficeAudit(user.Role))
            {
                html.Append(" · <a href=\"/cards\" id=\"menu-cards\">证件名单</a> · <a href=\"/audit\">操作记录</a>");
            }
            html.Append("</nav><span class=\"who\" id=\"who\">").Append(E(user.DisplayName)).Append('（').Append(E(Accounts.StaffRoles.Name(user.Role))).Append("）</span>")
                .Append("<form class=\"inline\" method=\"post\" action=\"/logout\">").Append(CsrfField(csrfToken)).Append("<button id=\"logout\">退出</button></form>");
        }
        html.Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The hidden field that carries the antiforgery token of a form.</summary>
    public static string CsrfField(string token) => $"<input type=\"hidden\" name=\"{AntiforgeryFieldName}\" value=\"{E(token)}\">";

    /// <summary>The form field name the antiforgery check reads.</summary>
    public const string AntiforgeryFieldName = "__csrf";
}
