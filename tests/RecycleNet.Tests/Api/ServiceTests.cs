using System.Net;

namespace RecycleNet.Tests.Api;

public class ServiceTests(DemoService demo) : IClassFixture<DemoService>
{
    [Fact]
    public async Task Health_is_200()
    {
        var r = await demo.Factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Index_links_layers_policies_and_the_OpenAPI_document()
    {
        var client = demo.Factory.CreateClient();
        var index = await (await client.GetAsync("/")).ReadJsonAsync();
        Assert.Equal(8, index.GetProperty("layers").GetArrayLength());
        var openapi = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
        Assert.Contains("/api/import/{layer}", await openapi.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_routes_answer_problem_json()
    {
        var r = await demo.Factory.CreateClient().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }
}
