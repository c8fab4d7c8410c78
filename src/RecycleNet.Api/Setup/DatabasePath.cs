using Microsoft.Data.Sqlite;

namespace RecycleNet.Api.Setup;

/// <summary>
/// Resolves ConnectionStrings:RecycleNet: a relative SQLite file is placed under the content root
/// (not wherever the process happened to start), and its folder is created.
/// </summary>
public static class DatabasePath
{
    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        var raw = config.GetConnectionString("RecycleNet") ?? "Data Source=App_Data/recyclenet.db";
        var builder = new SqliteConnectionStringBuilder(raw);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        return builder.ToString();
    }

    public static string FolderOf(string connectionString) =>
        Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource) ?? ".";
}
