namespace RecycleNet.Tests;

/// <summary>Where the repository and the shared reference data are, from the test's output folder.</summary>
public static class RepoPaths
{
    public static readonly string Root = FindRoot();

    /// <summary>../shared beside the clone; tests that need it skip when it is absent.</summary>
    public static readonly string Shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static bool HasShared => File.Exists(Path.Combine(Shared, "data", "jinan", "census-2020.csv"));

    /// <summary>Jinan's demo folder.</summary>
    public static string DemoData => Path.Combine(Root, "data", "jinan");

    /// <summary>The demo root, a folder per city: what the service is given.</summary>
    public static string DemoRoot => Path.Combine(Root, "data");

    public static string Cities => Path.Combine(Root, "seeds", "cities.json");
    public static string Policies => Path.Combine(Root, "seeds", "policies");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RecycleNet.sln"))) return dir.FullName;
        throw new InvalidOperationException("RecycleNet.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared: reported as skipped (not passed) when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!RepoPaths.HasShared) Skip = $"needs the shared reference data at {RepoPaths.Shared}";
    }
}

/// <summary>A theory that needs ../shared: reported as skipped (not passed) when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!RepoPaths.HasShared) Skip = $"needs the shared reference data at {RepoPaths.Shared}";
    }
}
