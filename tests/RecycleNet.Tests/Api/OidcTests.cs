using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RecycleNet.Tests.Api;

/// <summary>
/// OpenID Connect bearer tokens beside the keys: a provider's RSA key signs them here as a bureau's 统一身份认证 would, and
/// the service knows only its public half (a PEM file), its issuer and its audience.
/// </summary>
public sealed class OidcTests : IDisposable
{
    private const string Issuer = "https://sso.example.gov.cn/realms/commerce", Audience = "recyclenet";
    private readonly RSA _provider = RSA.Create(2048);
    private readonly string _folder = Directory.CreateTempSubdirectory("recyclenet-oidc-").FullName;
    private readonly ServiceFactory _service;

    public OidcTests()
    {
        var pem = Path.Combine(_folder, "provider.pem");
        File.WriteAllText(pem, _provider.ExportSubjectPublicKeyInfoPem());
        _service = new ServiceFactory(seedDemo: false, settings: new Dictionary<string, string>
        {
            ["RecycleNet:Oidc:Issuer"] = Issuer, ["RecycleNet:Oidc:Audience"] = Audience, ["RecycleNet:Oidc:SigningKeyFiles:0"] = pem,
            ["RecycleNet:Oidc:RoleValues:recycle-auditor"] = "viewer",
        });
    }

    public void Dispose()
    {
        _service.Dispose();
        _provider.Dispose();
        new TempFolder(_folder).Dispose();
    }

    private string Token(Dictionary<string, object> claims, RSA? signer = null, string audience = Audience, DateTime? expires = null)
    {
        claims.TryAdd("preferred_username", "张三");
        claims.TryAdd("sub", "u-1001");
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = audience, Claims = claims,
            IssuedAt = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-1), NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-1),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signer ?? _provider), SecurityAlgorithms.RsaSha256),
        });
    }

    private HttpClient With(string token)
    {
        var c = _service.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    private static StringContent Plan(string name) => Json.Body(new { name, changes = new { add = new[] { new { lon = 117.02, lat = 36.66 } } } });

    [Fact]
    public async Task A_token_with_the_planner_role_writes_under_its_persons_name_beside_the_keys()
    {
        var zhang = With(Token(new() { ["roles"] = new[] { "planner" } }));
        Assert.Equal(HttpStatusCode.Created, (await zhang.PostAsync("/api/plans", Plan("统一认证的方案"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _service.Planner().PostAsync("/api/plans", Plan("密钥的方案"))).StatusCode); // keys keep working
        var entries = (await (await zhang.GetAsync("/api/audit")).ReadJsonAsync()).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("planner").GetString()).ToList();
        Assert.Equal([ServiceFactory.KeyName, "张三"], entries);
    }

    [Fact]
    public async Task A_token_without_the_role_claim_proves_who_it_is_and_may_do_nothing_saying_why_in_chinese()
    {
        var nobody = With(Token([]));
        var refused = await nobody.PostAsync("/api/plans", Plan("无角色"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Contains("“roles”声明中没有本服务的角色", problem.GetProperty("detailZh").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nobody.GetAsync("/api/plans")).StatusCode); // public reads stay public
        // An unknown role value grants nothing either.
        Assert.Equal(HttpStatusCode.Forbidden, (await With(Token(new() { ["roles"] = "superuser" })).PostAsync("/api/plans", Plan("未知角色"))).StatusCode);
    }

    [Fact]
    public async Task A_providers_role_value_maps_to_a_role_and_a_city_claim_binds_the_person()
    {
        var auditor = With(Token(new() { ["roles"] = new[] { "recycle-auditor" } }));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit")).StatusCode);
        var write = await auditor.PostAsync("/api/plans", Plan("查看人员不能写"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("查看人员", (await write.ReadJsonAsync()).GetProperty("detailZh").GetString());

        var binzhou = With(Token(new() { ["roles"] = "planner", ["city"] = "binzhou" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await binzhou.PostAsync("/api/plans", Plan("济南"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await binzhou.PostAsync("/cities/binzhou/api/plans",
            Json.Body(new { name = "滨州", changes = new { add = new[] { new { lon = 118.02, lat = 37.38 } } } }))).StatusCode);
        // A city the service does not have binds to nothing: the token grants nothing, and says so.
        var elsewhere = await With(Token(new() { ["roles"] = "planner", ["city"] = "qingdao" })).PostAsync("/api/plans", Plan("青岛"));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("city", (await elsewhere.ReadJsonAsync()).GetProperty("detailZh").GetString());
    }

    [Fact]
    public async Task A_token_of_another_signer_audience_or_past_its_expiry_is_401()
    {
        using var stranger = RSA.Create(2048);
        foreach (var token in new[]
        {
            Token(new() { ["roles"] = "planner" }, signer: stranger),
            Token(new() { ["roles"] = "planner" }, audience: "another-app"),
            Token(new() { ["roles"] = "planner" }, expires: DateTime.UtcNow.AddMinutes(-10)),
        })
        {
            var refused = await With(token).PostAsync("/api/plans", Plan("不应写入"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("令牌无效", (await refused.ReadJsonAsync()).GetProperty("detailZh").GetString());
        }
        Assert.DoesNotContain("不应写入", await _service.Planner().GetStringAsync("/api/plans"));
    }
}
