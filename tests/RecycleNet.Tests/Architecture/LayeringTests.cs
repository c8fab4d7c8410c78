using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace RecycleNet.Tests.Architecture;

/// <summary>
/// The shape the code keeps (issue 27), read from the compiled assemblies (and, for constants, which the compiler
/// copies, the using lines): Core's folders
/// (namespaces) depend on each other one way only; Core knows nothing of HTTP; endpoints translate and never query the
/// store themselves.
/// </summary>
public class LayeringTests
{
    private static readonly System.Reflection.Assembly Core = typeof(RecycleNet.Core.Cities.CityCatalog).Assembly;
    private static readonly System.Reflection.Assembly Api = typeof(Program).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Code = new(() => new ArchLoader().LoadAssemblies(Core, Api).Build());

    /// <summary>
    /// Core's top folders (RecycleNet.Core.X, sub-namespaces counted as their folder's) depend on each other one way
    /// only. Tarjan's strongly connected components over the folder graph the compiled types give (fields, signatures,
    /// calls, generic arguments, attributes): a component of two or more folders is a cycle, reported with the type
    /// dependencies that make it.
    /// </summary>
    [Fact]
    public void Cores_folders_have_no_cycle() => AssertNoCycle("RecycleNet.Core.");

    /// <summary>The Api's folders likewise: Endpoints, Http, Ogc, Setup, Siting.</summary>
    [Fact]
    public void The_Apis_folders_have_no_cycle() => AssertNoCycle("RecycleNet.Api.");

    private static void AssertNoCycle(string prefix)
    {
        var edges = new Dictionary<string, Dictionary<string, SortedSet<string>>>();
        void Edge(string from, string to, string why)
        {
            if (to == from) return;
            var byTarget = edges.TryGetValue(from, out var e) ? e : edges[from] = [];
            (byTarget.TryGetValue(to, out var reasons) ? reasons : byTarget[to] = []).Add(why);
        }
        foreach (var type in Code.Value.Types)
        {
            if (Folder(type, prefix) is not { } from) continue;
            foreach (var d in type.Dependencies)
                if (Folder(d.Target, prefix) is { } to) Edge(from, to, $"{type.Name} → {d.Target.Name}");
        }
        // A constant is copied into the code that uses it, so the compiled types do not show that use: the using lines
        // of the source do (the build keeps them to what is used: IDE0005).
        foreach (var (file, from, to) in UsingLines(prefix)) Edge(from, to, $"{file}: using {prefix}{to}");
        var cycles = FolderGraph.Cycles(edges.ToDictionary(e => e.Key, e => (IReadOnlyCollection<string>)e.Value.Keys));
        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => "cycle: " + string.Join(", ", c) + "\n" + string.Join("\n",
            from a in c from b in c where edges.GetValueOrDefault(a)?.ContainsKey(b) == true
            select $"  {a} → {b}: {string.Join("; ", edges[a][b].Take(4))}"))));
    }

    /// <summary>Each hand-written source file's folder under <paramref name="prefix"/> and the folders its using lines name.</summary>
    private static IEnumerable<(string File, string From, string To)> UsingLines(string prefix)
    {
        var project = Path.Combine(RepoPaths.Root, "src", prefix.TrimEnd('.'));
        foreach (var file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or "Migrations" || top == relative) continue;
            foreach (var line in File.ReadLines(file))
            {
                if (!line.StartsWith("using " + prefix, StringComparison.Ordinal)) continue;
                yield return (relative, top, line["using ".Length..].TrimEnd(';').Trim()[prefix.Length..].Split('.')[0]);
            }
        }
    }

    /// <summary>The folder a type is in under <paramref name="prefix"/> (RecycleNet.Core.Network.Centrelines → Network), null outside.</summary>
    private static string? Folder(IType type, string prefix)
    {
        var ns = type.Namespace?.FullName ?? "";
        if (!ns.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = ns[prefix.Length..];
        return rest.Split('.')[0];
    }

    [Fact]
    public void The_using_lines_are_read()
    {
        var lines = UsingLines("RecycleNet.Api.").ToList();
        Assert.Contains(lines, l => l.From == "Plans" && l.To == "Http");
        Assert.DoesNotContain(lines, l => l.From is "bin" or "obj");
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle() =>
        Assert.Equal([["A", "B", "C"]], FolderGraph.Cycles(new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["A"] = ["B"], ["B"] = ["C", "D"], ["C"] = ["A"], ["D"] = ["E"],
        }).Select(c => c.Order().ToList()));

    /// <summary>The types <paramref name="who"/> picks that use a type of a namespace starting with one of <paramref name="prefixes"/>, with what they use.</summary>
    private static List<string> Uses(Func<IType, bool> who, params string[] prefixes) =>
        (from t in Code.Value.Types
         where who(t)
         from d in t.Dependencies
         where d.Target.Namespace?.FullName is { } ns && prefixes.Any(p => ns.StartsWith(p, StringComparison.Ordinal))
         select $"{t.FullName} → {d.Target.FullName}").Distinct().ToList();

    private static bool In(IType t, System.Reflection.Assembly assembly) => t.Assembly.FullName == assembly.FullName;

    [Fact]
    public void Core_does_not_reference_AspNetCore()
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true);
        Assert.Empty(Uses(t => In(t, Core), "Microsoft.AspNetCore"));
    }

    /// <summary>The Api's folders of endpoints and the JSON they write, whole; elsewhere, the *Endpoint(s) classes.</summary>
    private static readonly string[] EndpointFolders = ["Endpoints", "Coverage", "Layers", "Ogc"];

    /// <summary>An endpoint (and the JSON it writes) translates: it asks a store, never EF Core or the DbContext itself.</summary>
    private static bool IsEndpoint(IType t) =>
        In(t, Api) && (EndpointFolders.Any(f => t.Namespace.FullName.StartsWith($"RecycleNet.Api.{f}", StringComparison.Ordinal))
            || t.FullName.Split('+')[0].EndsWith("Endpoints", StringComparison.Ordinal) || t.FullName.Split('+')[0].EndsWith("Endpoint", StringComparison.Ordinal));

    [Fact]
    public void Endpoints_do_not_reference_EF_Core() => Assert.Empty(Uses(IsEndpoint, "Microsoft.EntityFrameworkCore", "RecycleNet.Core.Database"));

    /// <summary>
    /// The checks must see what they look for, or they would pass for want of seeing anything: the Api uses ASP.NET Core,
    /// the stores use EF Core and the DbContext, and the endpoint filter picks the endpoints.
    /// </summary>
    [Fact]
    public void The_checks_see_what_they_look_for()
    {
        Assert.NotEmpty(Uses(t => In(t, Api), "Microsoft.AspNetCore"));
        Assert.NotEmpty(Uses(t => t.Namespace.FullName == "RecycleNet.Core.Storage", "Microsoft.EntityFrameworkCore"));
        Assert.NotEmpty(Uses(t => t.Namespace.FullName == "RecycleNet.Core.Storage", "RecycleNet.Core.Database"));
        Assert.Contains(Code.Value.Types, t => IsEndpoint(t) && t.Name == "PlanEndpoints");
        Assert.All(EndpointFolders, f => Assert.Contains(Code.Value.Types, t => IsEndpoint(t) && t.Namespace.FullName == $"RecycleNet.Api.{f}"));
    }
}

/// <summary>Strongly connected components of a small directed graph (Tarjan), those of two or more nodes: its cycles.</summary>
public static class FolderGraph
{
    public static List<List<string>> Cycles(IReadOnlyDictionary<string, IReadOnlyCollection<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) found.Add(component.Order().ToList());
        }
        foreach (var v in edges.Keys.Order()) if (!index.ContainsKey(v)) Visit(v);
        return found;
    }
}

