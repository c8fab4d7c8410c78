using RecycleNet.Api.Endpoints;
using RecycleNet.Api.Http;
using RecycleNet.Api.Ogc;
using RecycleNet.Api.Siting;
using RecycleNet.Api.Setup;

if (args is ["generate-demo-data", ..]) return DemoDataCommand.Run(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddRecycleNet();

var app = builder.Build();
app.UseSecurityHeaders(app.Configuration["RecycleNet:BaseMapUrl"]);
app.UseRecycleNetExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles(); // the web page (wwwroot) and its npm-installed libraries (wwwroot/lib)
app.UseRateLimiter();
await app.InitializeAsync();

app.MapOpenApi();
app.MapService();
app.MapLayers();
app.MapImport();
app.MapPolicies();
app.MapEnterprises();
app.MapNetwork();
app.MapCoverage();
app.MapWhatIf();
app.MapScorecard();
app.MapSubsidies();
app.MapOgc();
app.MapSiting();

await app.RunAsync();
return 0;

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
