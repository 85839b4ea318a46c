using Terminal.Dock.Handheld;
using Terminal.Storage.Store;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>One docking between the real ends of a <see cref="DockWorld"/> over two streams; errors are returned, not thrown.</summary>
internal static class Exchange
{
    public static async Task<(DockLogEntry? Host, Exception? HostError, Exception? TerminalError)> RunAsync(
        DockWorld world, TerminalStore store, Stream hostEnd, Stream terminalEnd, HostDocking? host = null, FaultyCable? cable = null)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var docking = host ?? world.Host();
        var terminal = Task.Run(async () =>
        {
            try
            {
                await new HandheldDock(store).ServeOneAsync(terminalEnd, stop.Token);
            }
            catch
            {
                // as the product's HandheldDock.RunAsync does after a failed docking, the terminal closes its port: the
                // host sees the line drop then, instead of waiting out its answer timeouts for a terminal that left
                terminalEnd.Dispose();
                throw;
            }
        });
        DockLogEntry? entry = null;
        Exception? hostError = null, terminalError = null;
        try
        {
            entry = await docking.RunAsync(hostEnd, stop.Token);
        }
        catch (Exception e)
        {
            hostError = e;
        }
        if (cable is not null)
        {
            await cable.ReleaseAsync();
        }
        if (hostError is not null)
        {
            hostEnd.Dispose();
            terminalEnd.Dispose();
        }
        try
        {
            await terminal.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception e)
        {
            terminalError = e;
        }
        return (entry, hostError, terminalError);
    }
}
