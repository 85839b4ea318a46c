using System.Net;
using System.Text.RegularExpressions;

namespace Terminal.Host.Tests.Web;

/// <summary>The dashboard over plain HTTP as a browser uses it: cookies kept, redirects not followed, forms with their antiforgery token.</summary>
internal static partial class DashboardHttp
{
    /// <summary>A browser-like client of the dashboard at <paramref name="address"/>: cookies kept, redirects not followed (so they can be checked).</summary>
    public static HttpClient Client(string address) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

    /// <summary>The antiforgery token of the form on <paramref name="path"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return CsrfField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new AssertFailedException("no antiforgery field on " + path);
    }

    /// <summary>Logs in through the login form (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string user, string password)
    {
        var token = await TokenAsync(client, "/login");
        return await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["user"] = user, ["password"] = password, ["returnUrl"] = "/progress",
        }));
    }

    /// <summary>Posts the form fields to <paramref name="action"/> with the token of the page at <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenAsync(client, formPage);
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent([.. fields, new("__csrf", token)]));
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
