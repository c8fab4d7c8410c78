using RecycleNet.Api.Endpoints;
using RecycleNet.Api.Http;
using RecycleNet.Api.Ogc;
using RecycleNet.Api.Siting;
using RecycleNet.Api.Hosting;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Plans;
using RecycleNet.Api.Subsidies;
using RecycleNet.Api.Volumes;
using RecycleNet.Api.Coverage;
using RecycleNet.Api.Layers;
using RecycleNet.Api.Auth;

if (args is ["generate-demo-data", ..]) return DemoDataCommand.Run(args[1..]);

// `keys add NAME [--role viewer …] [--Option value …]`, `backup PATH` and `restore PATH` work on the configured database without serving:
// the words up to the first --option (keys' own --role, --city, --enterprise included) are the command, the rest is configuration.
var keys = args is ["keys", ..];
var backup = args is [("backup" or "restore"), ..];
var (command, configuration) = keys || backup ? KeyCommand.Split(args[(keys ? 1 : 0)..]) : ([], args);
var builder = WebApplication.CreateBuilder(configuration);
if (backup) return BackupCommand.Run(StoreSettings.From(builder.Configuration, builder.Environment.ContentRootPath), command);
builder.AddRecycleNet();

var app = builder.Build();
if (keys)
{
    await app.InitializeAsync();
    return await KeyCommand.RunAsync(app, command);
}
app.UseSecurityHeaders(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecycleNetOptions>>().Value.BaseMapUrl);
app.UseRecycleNetExceptionHandler();
app.UsePublicAddress(app.Configuration); // trusted proxies' forwarded headers, then AllowedHosts: before anything writes a link
app.UseStatusCodePages();
app.UseCityRouting(); // /cities/{city}/… and ?city=: before static files and routing, which then see the city's PathBase
app.UseStaticFiles(); // the web page (wwwroot) and its npm-installed libraries (wwwroot/lib)
app.UseRouting();
app.UseRateLimiter();
await app.InitializeAsync();

app.MapOpenApi();
app.MapService();
app.MapCities();
app.MapLayers();
app.MapImport();
app.MapVolumes();
app.MapPlans();
app.MapPolicies();
app.MapEnterprises();
app.MapNetwork();
app.MapCoverage();
app.MapWhatIf();
app.MapScorecard();
app.MapTiers();
app.MapBaseMap();
app.MapSubsidies();
app.MapOgc();
app.MapSiting();
app.MapAudit();
app.MapMe();

await app.RunAsync();
return 0;

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
