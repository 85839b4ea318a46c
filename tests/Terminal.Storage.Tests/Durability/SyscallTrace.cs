using System.Text.RegularExpressions;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// An <c>strace -f -y</c> log read as ordered events: writes and fsyncs of files (with their paths, thanks to -y)
/// and the probe's stdout lines. An fsync counts where it completes (its "resumed" line when it was interrupted).
/// </summary>
internal sealed partial class SyscallTrace
{
    private SyscallTrace(List<SyscallEvent> events) => Events = events;

    public IReadOnlyList<SyscallEvent> Events { get; }

    public static SyscallTrace Parse(IEnumerable<string> lines)
    {
        var events = new List<SyscallEvent>();
        var pending = new Dictionary<string, SyscallEvent>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var resumed = Resumed().Match(line);
            if (resumed.Success)
            {
                if (pending.Remove(resumed.Groups["pid"].Value + resumed.Groups["call"].Value, out var started) && Ok().IsMatch(line))
                {
                    events.Add(started);
                }
                continue;
            }
            var call = Call().Match(line);
            if (!call.Success)
            {
                continue;
            }
            var e = new SyscallEvent(call.Groups["call"].Value, call.Groups["path"].Value, call.Groups["rest"].Value);
            if (line.EndsWith("<unfinished ...>", StringComparison.Ordinal))
            {
                pending[call.Groups["pid"].Value + e.Call] = e;
            }
            else if (Ok().IsMatch(line))
            {
                events.Add(e);
            }
        }
        return new SyscallTrace(events);
    }

    [GeneratedRegex(@"^(?:\[pid\s+)?(?<pid>\d+)?\]?\s*(?<call>fsync|fdatasync|pwrite64|write|ftruncate)\(\d+<(?<path>[^>]*)>(?<rest>.*)$")]
    private static partial Regex Call();

    [GeneratedRegex(@"^(?:\[pid\s+)?(?<pid>\d+)?\]?\s*<\.\.\. (?<call>fsync|fdatasync|pwrite64|write|ftruncate) resumed>")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"= \d+$")]
    private static partial Regex Ok();
}
