using Microsoft.Extensions.Options;
using Terminal.Host.Storage;

namespace Terminal.Host.Configuration;

/// <summary>Checks the "Database" section; each message names the setting.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    /// <summary>The kind named by the settings, or null when it is none.</summary>
    public static DatabaseKind? KindOf(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseKind.Sqlite,
            "POSTGRES" or "POSTGRESQL" => DatabaseKind.Postgres,
            _ => null,
        };
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        switch (KindOf(options))
        {
            case null:
                problems.Add($"Database:Kind 应为 Sqlite 或 Postgres（现为 “{options.Kind}”）");
                break;
            case DatabaseKind.Sqlite when string.IsNullOrWhiteSpace(options.SqliteFile):
                problems.Add("Database:SqliteFile 未设置：请填写 SQLite 数据库文件（相对路径在 District:DataFolder 下）");
                break;
            case DatabaseKind.Postgres when string.IsNullOrWhiteSpace(options.ConnectionString):
                problems.Add("Database:Kind 为 Postgres 时必须设置 Database:ConnectionString（PostgreSQL 连接串）");
                break;
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
