using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace RecycleNet.Tests.Api;

/// <summary>Debian's LibreOffice (installed by .ci/run) as the Word reader; reported as skipped when it is absent.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/soffice";

    public LibreOfficeFactAttribute()
    {
        if (!File.Exists(Path)) Skip = "needs LibreOffice (apt-get install libreoffice-writer-nogui)";
    }
}

/// <summary>A plan's Word report: opened by the Open XML SDK, its map a real picture, and converted by LibreOffice.</summary>
public class PlanReportTests
{
    [LibreOfficeFact]
    public async Task The_word_report_opens_holds_the_map_and_converts_to_pdf()
    {
        await using var f = new ServiceFactory();
        var planner = f.Planner();
        var create = await planner.PostAsync("/api/plans", new StringContent("""
            { "name": "报告测试方案", "changes": { "add": [{ "lon": 117.02, "lat": 36.66, "name": "报告新网点", "properties": { "areaM2": 40 } }] } }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await create.ReadJsonAsync()).GetProperty("summary").GetProperty("id").GetInt64();
        var r = await planner.GetAsync($"/api/plans/{id}/evaluation?f=docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType?.MediaType);
        var bytes = await r.Content.ReadAsByteArrayAsync();

        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("报告测试方案", text);
            Assert.Contains("报告新网点", text);
            Assert.Contains("8,000", text); // 40 m² × 200 yuan
            var png = ReadAll(doc.MainDocumentPart.ImageParts.Single().GetStream());
            var (width, height, pixels) = DecodePng(png);
            Assert.Equal((900, 640), (width, height));
            // The added site is drawn in orange; the districts in grey.
            Assert.True(Count(pixels, 230, 126, 34) > 50, "the new site is on the map");
            Assert.True(Count(pixels, 150, 150, 150) > 1000, "the district outlines are on the map");
        }

        var dir = Directory.CreateTempSubdirectory("recyclenet-docx-").FullName;
        var file = Path.Combine(dir, "plan.docx");
        await File.WriteAllBytesAsync(file, bytes);
        foreach (var target in new[] { "pdf", "txt:Text" }) Convert(dir, file, target);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(dir, "plan.pdf")), 0, 4));
        var converted = File.ReadAllText(Path.Combine(dir, "plan.txt"));
        Assert.Contains("规划方案评估报告：报告测试方案", converted);
        Assert.Contains("五、站点清单", converted);
    }

    private static void Convert(string dir, string file, string target)
    {
        var start = new ProcessStartInfo(LibreOfficeFactAttribute.Path,
            ["--headless", $"-env:UserInstallation=file://{dir}/profile", "--convert-to", target, "--outdir", dir, file])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        if (!p.WaitForExit(120_000)) { p.Kill(true); Assert.Fail($"LibreOffice did not convert to {target} within 2 minutes"); }
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
    }

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static int Count(byte[] rgb, byte r, byte g, byte b)
    {
        var n = 0;
        for (var i = 0; i + 2 < rgb.Length; i += 3) if (rgb[i] == r && rgb[i + 1] == g && rgb[i + 2] == b) n++;
        return n;
    }

    /// <summary>An 8-bit RGB PNG with unfiltered rows (what the service writes) to its pixels; anything else fails the test.</summary>
    private static (int Width, int Height, byte[] Rgb) DecodePng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR") (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = ReadAll(z);
        Assert.Equal(height * (1 + width * 3), raw.Length);
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (1 + width * 3)]);
            Array.Copy(raw, y * (1 + width * 3) + 1, rgb, y * width * 3, width * 3);
        }
        return (width, height, rgb);
    }
}
