using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;

namespace Terminal.Firmware.Pages;

/// <summary>The operator logs in with the PIN; the store unwraps the data key (wrong PINs: growing delays, lock after 5).</summary>
public sealed class LoginModel : PageModel
{
    private readonly TerminalState _state;

    public LoginModel(TerminalState state) => _state = state;

    [BindProperty]
    public string OperatorId { get; set; } = "";

    [BindProperty]
    public string Pin { get; set; } = "";

    public string? Message { get; private set; }

    public string? StoreProblem => _state.StoreProblem;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (_state.Store is not { } store)
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(OperatorId) || string.IsNullOrWhiteSpace(Pin))
        {
            Message = "请输入工号和 PIN。";
            return Page();
        }
        var result = store.Login(OperatorId.Trim(), Pin);
        Pin = "";
        if (!result.Succeeded)
        {
            Message = result.Message;
            return Page();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, store.OperatorId!)], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return RedirectToPage("/Index");
    }
}
