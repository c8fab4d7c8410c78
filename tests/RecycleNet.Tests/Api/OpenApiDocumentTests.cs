
namespace RecycleNet.Tests.Api;

/// <summary>
/// Both OpenAPI documents validated as client tools read them: swagger-parser (npm) checks each against the OpenAPI schema
/// of its version and resolves every reference — the OGC one as 3.0, which OGC API – Features' oas30 class asks for.
/// </summary>
public class OpenApiDocumentTests(DemoService demo) : IClassFixture<DemoService>
{
    private static readonly string Checker = Path.Combine(RepoPaths.Root, "tests", "RecycleNet.Tests", "OpenApiCheck");

    private static (int Code, string Output) Validate(string file)
    {
        var r = TestProcess.Run("node", ["validate.js", file], TimeSpan.FromMinutes(1), Checker);
        return (r.Exit, r.All);
    }

    [Theory]
    [InlineData("/openapi/ogc.json", "3.0.")]
    [InlineData("/openapi/v1.json", "3.1.")]
    [InlineData("/cities/binzhou/openapi/ogc.json", "3.0.")]
    public async Task The_document_is_valid_OpenAPI_of_its_version(string url, string version)
    {
        var file = Path.Combine(Path.GetTempPath(), $"recyclenet-openapi-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, await demo.Factory.CreateClient().GetStringAsync(url));
            var (code, output) = Validate(file);
            Assert.True(code == 0, output);
            Assert.StartsWith($"valid {version}", output.Trim());
            // The validator is not lenient: the same document with one broken operation is refused, naming it.
            var broken = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            broken["paths"]!["/broken"] = System.Text.Json.Nodes.JsonNode.Parse("""{"get":{"responses":5}}""");
            await File.WriteAllTextAsync(file, broken.ToJsonString());
            var (refusedCode, refused) = Validate(file);
            Assert.Equal(1, refusedCode);
            Assert.Contains("/paths/~1broken/get/responses", refused);
        }
        finally { File.Delete(file); }
    }
}
