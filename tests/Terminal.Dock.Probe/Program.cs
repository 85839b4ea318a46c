// Terminal.Dock.Probe host|terminal WORLD_FOLDER PORT
//   host:     runs the district host's docking on PORT (staging, log and SQLite database in the world folder)
//   terminal: opens the world's terminal store, logs in and serves one docking on PORT
// Prints "READY" once the port is open and "DONE" when the docking ended; the kill tests SIGKILL it in between.
using Terminal.Dock.Handheld;
using Terminal.Dock.Probe;
using Terminal.Testing;
using Terminal.Testing.Dock;

if (args.Length != 3 || args[0] is not ("host" or "terminal"))
{
    Console.Error.WriteLine("usage: Terminal.Dock.Probe host|terminal WORLD_FOLDER PORT");
    return 2;
}
using var world = DockWorld.Open(args[1]);
using var port = PtyPair.OpenSerial(args[2]);
Console.WriteLine("READY");
if (args[0] == "host")
{
    // small chunks and a pause per chunk make the transfer last long enough to be killed in the middle
    await world.Host(chunkSize: 4096, answerTimeout: TimeSpan.FromSeconds(2)).RunAsync(new SlowStream(port.BaseStream), CancellationToken.None);
}
else
{
    using var store = world.OpenStore();
    await new HandheldDock(store).ServeOneAsync(new SlowStream(port.BaseStream), CancellationToken.None);
}
Console.WriteLine("DONE");
return 0;
