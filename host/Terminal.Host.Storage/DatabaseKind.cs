namespace Terminal.Host.Storage;

/// <summary>Which database the district office runs.</summary>
public enum DatabaseKind
{
    /// <summary>An embedded SQLite file (the default: nothing to install).</summary>
    Sqlite,
    /// <summary>PostgreSQL (production at larger offices).</summary>
    Postgres,
}
