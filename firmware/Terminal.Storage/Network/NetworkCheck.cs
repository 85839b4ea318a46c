using System.Globalization;

namespace Terminal.Storage.Network;

/// <summary>The result of a network check: the forbidden interfaces that are up, or that the check itself failed.</summary>
public sealed record NetworkCheck(IReadOnlyList<string> UpInterfaces, bool CouldNotCheck = false)
{
    /// <summary>True when collecting may go on: no forbidden interface is up.</summary>
    public bool IsSafe => !CouldNotCheck && UpInterfaces.Count == 0;

    /// <summary>What the operator must do, one message per interface (Chinese); empty when safe.</summary>
    public IReadOnlyList<string> Messages => CouldNotCheck
        ? ["无法读取网络接口状态：采集终端严禁接入网络，请联系技术人员检查终端后再采集。"]
        : [.. UpInterfaces.Select(name => string.Format(CultureInfo.InvariantCulture, "网络接口 {0} 已开启：采集终端严禁接入网络，请关闭后再采集", name))];
}
