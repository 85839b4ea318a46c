using Terminal.Drivers.SignaturePad.Strokes;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Photos;
using Terminal.Firmware.Signing;

namespace Terminal.Firmware.Web;

/// <summary>
/// The small endpoints the pages poll: the signature being drawn (state and a PNG rendered by
/// <see cref="SignatureRenderer"/>), the saved signature and photos of a draft (read from the store, never cached by
/// the browser), and the camera's live preview as JPEG frames. All need a logged-in operator.
/// </summary>
internal static class DeviceEndpoints
{
    private const string NoStore = "no-store";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/signature/{id:guid}", (Guid id, SignaturePadService pad) =>
        {
            var ink = pad.Ink(id);
            return Results.Json(new { state = pad.State, samples = pad.Samples(id), points = ink?.Strokes.Sum(s => s.Count) ?? 0 });
        });
        api.MapGet("/signature/{id:guid}/live.png", (Guid id, SignaturePadService pad, HttpContext http) =>
        {
            var ink = pad.Ink(id) ?? new SignatureInk(1, 1, 1, []);
            return Png(http, SignatureRenderer.RenderPng(ink));
        });
        api.MapGet("/signature/{id:guid}/saved.png", (Guid id, TerminalState state, HttpContext http) =>
        {
            var store = state.Store!;
            return store.LoadDraft(id)?.Record.Signature is { } signature && store.LoadPhoto(id, signature.ImageSha256) is { } png
                ? Png(http, png)
                : Results.NotFound();
        });
        api.MapGet("/photo/{id:guid}/{sha256}", (Guid id, string sha256, TerminalState state, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = NoStore;
            return state.Store!.LoadPhoto(id, sha256) is { } jpeg ? Results.Bytes(jpeg, "image/jpeg") : Results.NotFound();
        });
        api.MapGet("/camera", (PhotoService camera) => Results.Json(new { name = camera.CameraName, state = camera.State, isDemo = camera.IsDemo }));
        api.MapGet("/camera/preview.jpg", (PhotoService camera, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = NoStore;
            return camera.Preview() is { } jpeg ? Results.Bytes(jpeg, "image/jpeg") : Results.StatusCode(503);
        });
    }

    private static IResult Png(HttpContext http, byte[] png)
    {
        http.Response.Headers.CacheControl = NoStore;
        return Results.Bytes(png, "image/png");
    }
}
