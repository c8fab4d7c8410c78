using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecycleNet.Tests.Api;

/// <summary>
/// Chinese Excel's "CSV（逗号分隔）" is GBK: such a file of every layer, and a volume report, is read as its UTF-8 twin —
/// raw, declared (text/csv; charset=gbk) and uploaded as a form — and the answer (a refusal too) says which encoding it
/// was read in: Binzhou's own rows again are refused alike, as already there, where codes are unique. A
/// file that is neither is refused naming the first byte UTF-8 cannot read; a declared charset is held to.
/// </summary>
public class ChineseCsvTests : IClassFixture<ChineseCsvTests.Demo>
{
    public sealed class Demo : IDisposable
    {
        public ServiceFactory Factory { get; } = new(seedDemo: true);
        public HttpClient Planner { get; }
        public Demo() => Planner = Factory.Planner();
        public void Dispose() => Factory.Dispose();
    }

    private readonly HttpClient planner;

    public ChineseCsvTests(Demo demo) => planner = demo.Planner;

    private static readonly Encoding Gb18030 = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>A dry run's answer without the encoding it names (and a refusal's trace): what the rows were read as.</summary>
    private static async Task<(HttpStatusCode Status, string Answer, string? Encoding)> DryRunAsync(HttpClient client, string url, HttpContent content)
    {
        var r = await client.PostAsync(url, content);
        var json = JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject();
        var encoding = json["encoding"]?.GetValue<string>();
        foreach (var each in new[] { "encoding", "traceId", "instance" }) json.Remove(each); // a refusal's trace is the request's own
        return (r.StatusCode, json.ToJsonString(), encoding);
    }

    private static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Theory]
    [InlineData("districts")]
    [InlineData("communities")]
    [InlineData("outlets")]
    [InlineData("sorting-centers")]
    [InlineData("townships")]
    [InlineData("villages")]
    [InlineData("transfer-stations")]
    [InlineData("waste-sorting-points")]
    public async Task A_GBK_CSV_of_each_layer_is_read_as_its_UTF8_twin(string layer)
    {
        // The layer as the service writes it (Binzhou has every layer), names in Chinese; its first 40 rows.
        var csv = await planner.GetStringAsync($"/cities/binzhou/ogc/collections/{layer}/items?f=csv&limit=40");
        csv = csv.TrimStart('\uFEFF');
        Assert.Contains(csv, c => c > 0x4E00); // Chinese text, or the test would prove nothing
        var url = $"/cities/binzhou/api/import/{layer}?crs=WGS84&dryRun=true";
        var utf8 = await DryRunAsync(planner, url, Bytes(Encoding.UTF8.GetBytes(csv), "text/csv"));
        Assert.True(utf8.Encoding == "UTF-8", $"{utf8.Status}: {utf8.Answer}");
        var gbk = Gb18030.GetBytes(csv);
        Assert.NotEqual(Encoding.UTF8.GetBytes(csv), gbk);

        var raw = await DryRunAsync(planner, url, Bytes(gbk, "text/csv"));
        var declared = await DryRunAsync(planner, url, Bytes(gbk, "text/csv; charset=gbk"));
        var form = new MultipartFormDataContent { { Bytes(gbk, "text/csv"), "file", $"{layer}.csv" } };
        var uploaded = await DryRunAsync(planner, url, form);
        foreach (var read in new[] { raw, declared, uploaded })
        {
            Assert.Equal("GB18030", read.Encoding);
            Assert.Equal((utf8.Status, utf8.Answer), (read.Status, read.Answer));
        }
        Assert.Contains(utf8.Status, new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity });
    }

    [Theory]
    [InlineData("经营者")]
    [InlineData("运营单位")]
    [InlineData("运营主体")]
    public async Task An_outlets_operator_is_read_from_the_headers_Chinese_files_use(string header)
    {
        var csv = $"名称,类型,{header},经度,纬度\n滨城回收点,固定,滨州再生资源有限公司,117.97,37.38\n";
        var r = await planner.PostAsync("/cities/binzhou/api/import/outlets?crs=WGS84&dryRun=true", Bytes(Gb18030.GetBytes(csv), "text/csv"));
        var answer = await r.ReadJsonAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, answer.GetRawText());
        var column = answer.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("header").GetString() == header);
        Assert.Equal("operator", column.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_GBK_volume_report_is_read_as_its_UTF8_twin()
    {
        var outlet = (await (await planner.GetAsync("/cities/binzhou/api/outlets")).ReadJsonAsync()).GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString();
        var csv = $"单位名称,统计月份,废纸(吨),废弃电器电子产品(台),备注\n{outlet},2025-03,1.5,12,三月报表\n";
        const string url = "/cities/binzhou/api/import/volumes?dryRun=true";
        var utf8 = await DryRunAsync(planner, url, Bytes(Encoding.UTF8.GetBytes(csv), "text/csv"));
        var gbk = await DryRunAsync(planner, url, Bytes(Gb18030.GetBytes(csv), "text/csv"));
        Assert.Equal(HttpStatusCode.OK, utf8.Status);
        Assert.Equal(("UTF-8", "GB18030"), (utf8.Encoding, gbk.Encoding));
        // What was read, figure by figure (the corrections' times differ between two dry runs).
        string Read(string answer)
        {
            var a = JsonDocument.Parse(answer).RootElement;
            return string.Join("|", new[] { "layout", "format", "figures", "facilityMonths", "resubmitted", "replacedFigures", "correctionCount" }
                .Select(name => a.GetProperty(name).GetRawText()));
        }
        Assert.Equal(Read(utf8.Answer), Read(gbk.Answer));
        Assert.Equal(2, JsonDocument.Parse(gbk.Answer).RootElement.GetProperty("figures").GetInt32());
    }

    [Fact]
    public async Task A_file_in_neither_encoding_is_refused_naming_its_byte_and_a_declared_charset_is_held_to()
    {
        const string url = "/cities/binzhou/api/import/outlets?crs=WGS84&dryRun=true";
        // 0xFF is neither UTF-8 nor GB18030: refused at byte 15 (the header is 14 bytes and a newline).
        var neither = await planner.PostAsync(url, Bytes([.. "name,lon,lat\n\n"u8.ToArray(), 0xFF, .. "x,117,37\n"u8.ToArray()], "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        var problem = await neither.ReadJsonAsync();
        Assert.Contains("byte 15", problem.GetProperty("detail").GetString());
        Assert.Contains("第 15 字节", problem.GetProperty("detailZh").GetString());

        // GBK bytes declared as UTF-8: held to the declaration, refused, naming Content-Type.
        var declared = await planner.PostAsync(url, Bytes(Gb18030.GetBytes("name,lon,lat\n网点,117.9,37.4\n"), "text/csv; charset=utf-8"));
        Assert.Equal(HttpStatusCode.BadRequest, declared.StatusCode);
        Assert.Equal("Content-Type", (await declared.ReadJsonAsync()).GetProperty("field").GetString());

        var unknown = await planner.PostAsync(url, Bytes("name,lon,lat\n"u8.ToArray(), "text/csv; charset=klingon"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("klingon", (await unknown.ReadJsonAsync()).GetProperty("detail").GetString());
    }
}
