using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace RecycleNet.Tests.Api;

/// <summary>
/// A C# client generated from the service's OpenAPI document by NSwag, as a team scripting the service would make one,
/// and compiled in memory by Roslyn: what the document declares is all it knows.
/// </summary>
public static class GeneratedClient
{
    public const string Namespace = "RecycleNet.Generated";

    public static async Task<(Assembly Assembly, string Code)> BuildAsync(string documentJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(documentJson);
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "RecycleNetClient",
            CSharpGeneratorSettings = { Namespace = Namespace, JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
            GenerateClientInterfaces = false,
            UseBaseUrl = true,
        }).GenerateFile();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("RecycleNetGeneratedClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var dll = new MemoryStream();
        var emitted = compilation.Emit(dll);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "recyclenet-generated-client.cs"), code);
            throw new InvalidOperationException($"The generated client does not compile ({errors.Count} errors; code in /tmp/recyclenet-generated-client.cs): "
                + string.Join("\n", errors.Take(20)));
        }
        return (Assembly.Load(dll.ToArray()), code);
    }
}
