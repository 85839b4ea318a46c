namespace Terminal.Testing.Soak;

/// <summary>
/// The shape of a simulated day: how many terminals collect how many subjects between them, which faults strike,
/// and how many dockings of each terminal have their cable pulled before the clean one.
/// </summary>
public sealed record SoakPlan
{
    /// <summary>Terminals, each provisioned for its own collection point of district 650105.</summary>
    public int Terminals { get; init; } = 3;

    /// <summary>Subjects collected between all terminals (shared out as evenly as they go).</summary>
    public int Subjects { get; init; } = 36;

    /// <summary>Seeds every random choice of the day: the same seed, the same day.</summary>
    public int Seed { get; init; } = 20261202;

    /// <summary>
    /// Three subjects in four meet a card fault the field worker answers by placing the card again: no card on the
    /// reader yet, a reply with a wrong checksum, or the card taken away mid-read.
    /// </summary>
    public bool CardFaults { get; init; } = true;

    /// <summary>One subject in five sees the power go while the draft is open: the app starts again and the draft resumes.</summary>
    public bool PowerCuts { get; init; } = true;

    /// <summary>Dockings of each terminal whose cable is pulled at a random byte before the clean one.</summary>
    public int PulledDockings { get; init; } = 1;

    /// <summary>The suite's shortened day: three terminals, twelve subjects each, one pulled docking each.</summary>
    public static SoakPlan Shortened => new();

    /// <summary>The bench's full day (issue 11): three terminals, 500 subjects between them, three pulled dockings each.</summary>
    public static SoakPlan FullDay => new() { Subjects = 500, PulledDockings = 3 };

    /// <summary>The same work without any fault, on one terminal: the bench's baseline.</summary>
    public static SoakPlan Clean(int subjects) => new() { Terminals = 1, Subjects = subjects, CardFaults = false, PowerCuts = false, PulledDockings = 0 };
}
