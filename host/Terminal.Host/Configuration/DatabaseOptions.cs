namespace Terminal.Host.Configuration;

/// <summary>The district database (section "Database").</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Database";

    /// <summary>"Sqlite" (default: an embedded file, nothing to install) or "Postgres".</summary>
    public string Kind { get; set; } = "Sqlite";

    /// <summary>The SQLite file, relative to District:DataFolder unless absolute.</summary>
    public string SqliteFile { get; set; } = "district.db";

    /// <summary>The PostgreSQL connection string (Kind = Postgres); never logged.</summary>
    public string ConnectionString { get; set; } = "";
}
