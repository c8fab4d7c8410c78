using System.Text.Json;

namespace RecycleNet.Tests.Api;

/// <summary>The service's OpenAPI document describes every operation's request body and answers, so a client can be generated.</summary>
public class OpenApiTests(DemoService demo) : IClassFixture<DemoService>
{
    [Fact]
    public async Task Every_operation_has_response_schemas_and_every_body_a_request_schema()
    {
        var doc = await (await demo.Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var missing = new List<string>();
        var operations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                operations++;
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                var responses = op.Value.GetProperty("responses").EnumerateObject().ToList();
                var ok = responses.Where(r => r.Name.StartsWith('2')).ToList();
                if (ok.Count == 0) missing.Add($"{name}: no 2xx answer");
                foreach (var r in ok.Where(r => r.Name != "204"))
                    if (!HasSchemas(r.Value)) missing.Add($"{name}: {r.Name} has no content schema");
                foreach (var r in responses.Where(r => r.Name.StartsWith('4') || r.Name.StartsWith('5')))
                    if (!HasSchemas(r.Value)) missing.Add($"{name}: {r.Name} has no problem schema");
                // Every write that takes a body documents it (DELETE takes none, nor does a retry, which reruns a stored request,
                // nor adopting or reverting a plan, which acts on the stored plan).
                if (op.Name is "post" or "put" && name is not ("POST /api/siting/jobs/{id}/retry" or "POST /api/plans/{id}/adopt" or "POST /api/plans/{id}/revert"))
                {
                    if (!op.Value.TryGetProperty("requestBody", out var body) || !HasSchemas(body)) missing.Add($"{name}: no request body schema");
                }
            }
        Assert.True(operations >= 45, $"{operations} operations");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task No_schema_is_an_object_of_unknown_members()
    {
        // Every JSON answer and body is a record the document spells out; what is free-form by nature (a layer's properties,
        // a GeoJSON geometry) declares additionalProperties. A hand-built answer would show here as a bare object, and
        // a tuple or a field STJ does not write as an empty schema.
        var doc = await (await demo.Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var bare = new List<string>();
        Walk(doc.GetProperty("paths"), "paths", bare);
        Walk(doc.GetProperty("components"), "components", bare);
        Assert.True(bare.Count == 0, string.Join("\n", bare));
        // And the answers typed last are there by name.
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "TierDetailAnswer", "MergeAnswer", "VolumeFiguresPage", "VolumeTotalsAnswer", "VolumeCorrectionsAnswer",
                     "SubsidyRulesAnswer", "UiConfigAnswer", "ServiceIndexAnswer", "SitingResultAnswer" })
            Assert.True(schemas.TryGetProperty(name, out _), name);
    }

    private static void Walk(JsonElement e, string path, List<string> bare)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var x in e.EnumerateArray()) Walk(x, $"{path}[{i++}]", bare);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        var schemaLike = path.EndsWith("/schema", StringComparison.Ordinal) || path.Contains("/properties/", StringComparison.Ordinal)
            || path.EndsWith("/items", StringComparison.Ordinal) || path.StartsWith("components/schemas/", StringComparison.Ordinal) && path.Count(c => c == '/') == 2;
        if (schemaLike)
        {
            var names = e.EnumerateObject().Select(p => p.Name).ToHashSet();
            var isObject = e.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == "object"
                : t.EnumerateArray().Any(x => x.GetString() == "object"));
            // An empty schema accepts anything: only where it says so (OpenApiContracts.FreeForm: "Any JSON value …").
            var declaredAny = e.TryGetProperty("description", out var d) && d.GetString()!.StartsWith("Any JSON value", StringComparison.Ordinal);
            if (names.All(n => n is "description" or "nullable") && !declaredAny)
                bare.Add($"{path}: an empty schema");
            else if (isObject && !names.Overlaps(["properties", "additionalProperties", "$ref", "oneOf", "anyOf", "allOf"]))
                bare.Add($"{path}: an object without members");
        }
        foreach (var p in e.EnumerateObject())
            if (p.Name is not ("example" or "examples" or "default" or "enum")) Walk(p.Value, $"{path}/{p.Name}", bare);
    }

    [Fact]
    public async Task The_estimate_body_lists_exactly_the_fields_the_reader_takes()
    {
        var doc = await (await demo.Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schema = doc.GetProperty("paths").GetProperty("/api/subsidies/estimate").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var resolved = Resolve(doc, schema);
        var documented = resolved.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(RecycleNet.Core.Input.Fields.Of<RecycleNet.Core.Subsidies.SubsidyEstimateBody>().Order().ToList(), documented);
        // And a member outside them is refused by name.
        var r = await demo.Factory.CreateClient().PostAsync("/api/subsidies/estimate",
            new StringContent("""{"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},"bonus":1}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("bonus", (await r.ReadJsonAsync()).GetProperty("field").GetString());
    }

    private static bool HasSchemas(JsonElement withContent) =>
        withContent.TryGetProperty("content", out var content) && content.EnumerateObject().Any()
        && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _));

    private static JsonElement Resolve(JsonElement doc, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var r)) return schema;
        var name = r.GetString()!.Split('/')[^1];
        return doc.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
