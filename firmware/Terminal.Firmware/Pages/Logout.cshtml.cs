using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;

namespace Terminal.Firmware.Pages;

/// <summary>Logs the operator out: the store forgets the data key, the browser session ends.</summary>
public sealed class LogoutModel : PageModel
{
    private readonly TerminalState _state;

    public LogoutModel(TerminalState state) => _state = state;

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        _state.Store?.Logout();
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return RedirectToPage("/Login");
    }
}
