using System.Net.Http.Headers;
using System.Text.Json;

namespace RecycleNet.Tests.Security;

/// <summary>
/// Thousands of seeded bad requests against the real service (the small city): none may answer 5xx; every refusal is
/// problem+json naming the field or parameter at fault; and after every refused write every layer is byte-identical.
/// </summary>
public class FuzzTests(SmallCity city, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SmallCity>
{
    /// <summary>3,200 in the normal run; RECYCLENET_FUZZ_REQUESTS=10000 for a longer one.</summary>
    public static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("RECYCLENET_FUZZ_REQUESTS"), out var n) && n > 0 ? n : 3_200;

    [Fact]
    public async Task Bad_requests_get_a_named_4xx_and_refused_writes_change_nothing()
    {
        // RECYCLENET_FUZZ_SEED gives another deterministic set of requests (the default is the one CI runs).
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RECYCLENET_FUZZ_SEED"), out var s) ? s : 20261130;
        var generator = new BadRequests(seed, city.OutletId, SmallCity.OsmPbf());
        var failures = new List<string>();
        var fingerprint = await city.FingerprintAsync();
        var byStatus = new SortedDictionary<int, int>();
        var count = 0;
        foreach (var req in generator.Generate(Requests))
        {
            count++;
            using var message = new HttpRequestMessage(req.Method, req.Url);
            if (req.Body is not null)
            {
                message.Content = new ByteArrayContent(req.Body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(req.ContentType!);
            }
            if (req.IfMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", req.IfMatch);
            using var response = await city.Planner.SendAsync(message);
            var status = (int)response.StatusCode;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) { failures.Add($"{status} for {req}: {Clip(body)}"); continue; }
            if (status >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{status} without problem+json for {req}: {Clip(body)}");
                else if (status is not (401 or 404 or 405) && !NamesAField(body))
                    failures.Add($"{status} names no field for {req}: {Clip(body)}");
            }
            if (!req.Write) continue;
            var after = await city.FingerprintAsync();
            if (status >= 400 && after != fingerprint) failures.Add($"refused ({status}) but the store changed: {req}");
            fingerprint = after;
        }
        output.WriteLine($"seed {seed}, {count} requests: {string.Join(", ", byStatus.Select(kv => $"{kv.Key} × {kv.Value}"))}");
        Assert.True(count >= Requests);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests failed ({string.Join(", ", byStatus.Select(kv => $"{kv.Key}: {kv.Value}"))}):\n"
            + string.Join("\n", failures.Take(25)));
        // A fuzz that refuses nothing tests nothing: most requests must have been refused.
        Assert.True(byStatus.Where(kv => kv.Key >= 400).Sum(kv => kv.Value) > count / 2, string.Join(", ", byStatus));
    }

    private static bool NamesAField(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String && f.GetString()!.Length > 0) return true;
            return root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0
                && e.EnumerateArray().All(x => x.TryGetProperty("field", out var ef) && ef.ValueKind == JsonValueKind.String
                                             || x.TryGetProperty("index", out _));
        }
        catch (JsonException) { return false; }
    }

    private static string Clip(string s) => s.Length <= 400 ? s : s[..400] + "…";
}
