using System.Security.Claims;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Web;

/// <summary>The office account behind a request, from its session cookie's claims.</summary>
internal sealed record OfficeUser(string UserName, string DisplayName, StaffRole Role)
{
    /// <summary>The claim type of the display name.</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>The claims a session is made of.</summary>
    public static ClaimsPrincipal Principal(StaffAccount account, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, account.UserName),
        new Claim(DisplayNameClaim, account.DisplayName),
        new Claim(ClaimTypes.Role, account.Role.ToString()),
    ], scheme));

    /// <summary>The signed-in user, or null.</summary>
    public static OfficeUser? Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.Name) is { } name
            && Enum.TryParse<StaffRole>(principal.FindFirstValue(ClaimTypes.Role), out var role)
            ? new OfficeUser(name, principal.FindFirstValue(DisplayNameClaim) ?? name, role)
            : null;
    }
}
