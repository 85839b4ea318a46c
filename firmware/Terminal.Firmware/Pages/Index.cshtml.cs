using Microsoft.AspNetCore.Mvc.RazorPages;
using Terminal.Firmware.Collection;
using Terminal.Storage.Network;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Pages;

/// <summary>Home: today's work, the drafts, the outbox waiting for the dock, the reader's and the network guard's state.</summary>
public sealed class IndexModel : PageModel
{
    private readonly TerminalState _state;

    public IndexModel(TerminalState state, CardReaderService reader)
    {
        _state = state;
        Reader = reader;
    }

    public CardReaderService Reader { get; }

    public StoreCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    public NetworkCheck Network { get; private set; } = new([]);

    public void OnGet()
    {
        var store = _state.Store!;
        Counts = store.Counts();
        Drafts = store.Drafts();
        Network = _state.Network();
    }
}
