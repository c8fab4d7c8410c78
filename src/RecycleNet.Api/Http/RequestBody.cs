using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RecycleNet.Core.Input;

namespace RecycleNet.Api.Http;

/// <summary>What a request body read gave: the value, or the problem to answer instead.</summary>
public readonly record struct BodyRead<T>(T? Value, ProblemHttpResult? Problem)
{
    public static implicit operator BodyRead<T>(ProblemHttpResult problem) => new(default, problem);
}

/// <summary>
/// The one way a handler reads its body. Bytes stop at a limit (413 before the rest is read); JSON is read by
/// <see cref="StrictJson"/> (UTF-8 only, no repeated members, no broken escapes, bounded depth) and each fault is a
/// 400 naming the JSON path; a client that breaks the HTTP framing gets its 400 rather than a 500.
/// </summary>
public static class RequestBody
{
    /// <summary>The raw body, at most <paramref name="limit"/> bytes.</summary>
    public static async Task<BodyRead<ReadOnlyMemory<byte>>> BytesAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return Problems.TooLarge(limit);
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > limit) return Problems.TooLarge(limit);
                buffer.Write(chunk, 0, n);
            }
            return new(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.TooLarge(limit) : Problems.BadBody(e.Message, detailZh: $"请求内容无法读取：{e.Message}");
        }
    }

    /// <summary>The body as a JSON object (a detached copy: nothing to dispose).</summary>
    public static async Task<BodyRead<JsonElement>> ObjectAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var bytes = await BytesAsync(request, limit, ct);
        return bytes.Problem is { } p ? p : Object(bytes.Value);
    }

    /// <summary>Reads <paramref name="body"/> as a JSON object by the strict rules.</summary>
    public static BodyRead<JsonElement> Object(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return Problems.BadBody("the body is empty; send a JSON object", detailZh: "请求内容为空；请发送一个 JSON 对象");
        try
        {
            using var doc = StrictJson.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? new BodyRead<JsonElement>(doc.RootElement.Clone(), null)
                : Problems.BadBody($"the body must be a JSON object, not {JsonFieldReader.Kind(doc.RootElement)}", detailZh: "请求内容须为一个 JSON 对象");
        }
        catch (JsonInputException e)
        {
            // The strict reader's rules (depth, duplicate members, UTF-8 …) are said in English; the page only sends JSON it built itself.
            return Problems.BadBody(e.Rule, StrictJson.Field(e.Path), $"请求内容不是可读的 JSON：{e.Rule}");
        }
    }

    /// <summary>The first file of a multipart/form-data upload, with its name.</summary>
    public static async Task<BodyRead<(ReadOnlyMemory<byte> Bytes, string FileName, string? ContentType)>> UploadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return Problems.TooLarge(limit);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            // A Content-Type that says multipart over a body that is not (no boundary, broken parts, a part too large).
            return Problems.BadBody($"the multipart/form-data body could not be read: {e.Message}", "Content-Type", $"上传的表单（multipart/form-data）无法读取：{e.Message}");
        }
        if (form.Files.FirstOrDefault() is not { } file) return Problems.BadBody("the multipart upload holds no file", "file", "上传的表单中没有文件");
        if (file.Length > limit) return Problems.TooLarge(limit);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return new((ms.ToArray(), file.FileName, file.ContentType), null);
    }

    /// <summary>An import's file: a multipart upload's first file, or the raw body; at most <paramref name="limit"/> bytes.</summary>
    public static async Task<BodyRead<ImportFile>> FileAsync(HttpRequest req, long limit, CancellationToken ct)
    {
        // Only a multipart upload is a form here: curl's --data-binary labels raw bytes as
        // application/x-www-form-urlencoded, and those bytes are the file itself.
        if (req.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var upload = await RequestBody.UploadAsync(req, limit, ct);
            if (upload.Problem is { } bad) return bad;
            return new BodyRead<ImportFile>(new ImportFile(upload.Value.Bytes, upload.Value.FileName, upload.Value.ContentType), null);
        }
        var raw = await RequestBody.BytesAsync(req, limit, ct);
        if (raw.Problem is { } problem) return problem;
        return new BodyRead<ImportFile>(new ImportFile(raw.Value, null, req.ContentType), null);
    }
}

/// <summary>An uploaded file: its bytes, its name (multipart), and the media type it was sent as (the part's, or the request's).</summary>
public sealed record ImportFile(ReadOnlyMemory<byte> Body, string? FileName, string? ContentType)
{
    /// <summary>
    /// Its rows read as <paramref name="format"/> (a CSV in its declared charset or as it was saved), with the encoding a
    /// CSV was read in; or the 400 naming what could not be read.
    /// </summary>
    public BodyRead<(List<Core.Import.ImportRow> Rows, string? Encoding)> Rows(string format)
    {
        try
        {
            var rows = Core.Import.TableRowReader.Read(format, Body, Charset, out var encoding);
            return new((rows, encoding), null);
        }
        catch (Core.Import.ImportFormatException e)
        {
            return Problems.BadBody($"{format}: {e.Message}", e.Field, $"{format}：{e.MessageZh}");
        }
    }

    /// <summary>The charset its media type declares (text/csv; charset=gbk), or null.</summary>
    public string? Charset => Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ContentType, out var type) && type.Charset.HasValue
        ? type.Charset.Value : null;
}
