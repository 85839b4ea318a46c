namespace Terminal.Host.Keys;

/// <summary>Why a district key file could not be opened.</summary>
public enum KeyFileFailure
{
    /// <summary>There is no file at the path.</summary>
    Missing,
    /// <summary>The file cannot be read (permissions, I/O).</summary>
    Unreadable,
    /// <summary>Not a district key file, or a version this program does not know.</summary>
    UnknownFormat,
    /// <summary>The checksum does not match: the file was damaged.</summary>
    Damaged,
    /// <summary>The passphrase does not open it.</summary>
    WrongPassphrase,
    /// <summary>DPAPI protects it and this machine or account cannot remove that layer.</summary>
    ProtectedElsewhere,
    /// <summary>No passphrase could be had from the configured source.</summary>
    NoPassphrase,
    /// <summary>A file is already at the path to write: no key command overwrites one.</summary>
    AlreadyExists,
    /// <summary>The command's own input is unusable (KDF parameters, --dpapi value).</summary>
    BadRequest,
}
