namespace Terminal.Dock.Push;

/// <summary>What a host push carries (dock-protocol.md §4). Each is applied on the terminal in one store transaction.</summary>
public enum PushKind : byte
{
    /// <summary>The host's clock (<see cref="ClockPush"/>): recorded with the offset; the system layer sets the clock.</summary>
    Clock = 1,

    /// <summary>Operator accounts to add, re-PIN or remove (<see cref="OperatorsPush"/>).</summary>
    Operators = 2,

    /// <summary>An update of the area's roster (<see cref="InitialDataPush"/>).</summary>
    InitialData = 3,

    /// <summary>The correction list of the terminal's collection point (<see cref="CorrectionsPush"/>).</summary>
    Corrections = 4,
}
