using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Drivers.IdCard.Transport;

/// <summary>The SAM answered a command with a status that means it was not done.</summary>
public sealed class SamCommandException : Exception
{
    /// <summary>Creates the exception for a command and the status the SAM gave.</summary>
    public SamCommandException(SamCommand command, SamStatus status)
        : base($"{SamStatusText.For(status)}（命令 {command}，状态 {(byte)status:X2}）")
    {
        Command = command;
        Status = status;
    }

    /// <summary>The command.</summary>
    public SamCommand Command { get; }

    /// <summary>The SAM's status.</summary>
    public SamStatus Status { get; }
}
