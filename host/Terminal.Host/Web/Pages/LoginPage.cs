namespace Terminal.Host.Web.Pages;

/// <summary>The office login: user name and password, the antiforgery token, and what went wrong last time.</summary>
internal static class LoginPage
{
    public static string Html(string csrfToken, string? message, string? userName, string returnUrl) => Web.Html.Page("登录", null,
        (message is null ? "" : $"<p class=\"bad\" id=\"login-message\">{Web.Html.E(message)}</p>") +
        "<form class=\"box\" method=\"post\" action=\"/login\">" + Web.Html.CsrfField(csrfToken) +
        $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Web.Html.E(returnUrl)}\">" +
        $"<p><label>用户名<br><input id=\"user\" name=\"user\" autocomplete=\"username\" maxlength=\"64\" value=\"{Web.Html.E(userName)}\" required autofocus></label></p>" +
        "<p><label>密码<br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" maxlength=\"256\" required></label></p>" +
        "<p><button id=\"login\">登录</button></p>" +
        "<p>账户由管理员在区县主机上用 <code>terminal-host user add</code> 添加；密码连续输错 5 次将锁定 15 分钟。</p></form>");
}
