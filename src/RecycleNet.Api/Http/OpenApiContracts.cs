using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RecycleNet.Api.Http;

/// <summary>An answer written as JSON by hand (coverage, scorecard …): documented as an object with this description.</summary>
public sealed record JsonAnswerMetadata(string Description, int Status = 200);

/// <summary>A body read as bytes (imports, OSM files): documented as binary in each of these media types.</summary>
public sealed record RawBodyMetadata(string Description, params string[] ContentTypes);

/// <summary>A typed answer's other form, a file (?f=xlsx, ?f=docx): added beside its JSON schema, not in its place.</summary>
public sealed record FileAnswerMetadata(string ContentType, int Status = 200);

/// <summary>
/// Completes the service's OpenAPI document (/openapi/v1.json) from endpoint metadata: typed bodies and answers come
/// from .Accepts&lt;T&gt;/.Produces&lt;T&gt;; hand-written JSON answers and raw bodies from the two records above; every
/// problem answer gets the problem+json schema, and a content type with no schema gets one (an object for JSON,
/// binary otherwise), so that no operation is left without a request-body or response schema.
/// </summary>
public static class OpenApiContracts
{
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder b, string description, int status = 200) =>
        b.WithMetadata(new JsonAnswerMetadata(description, status));

    /// <summary>The answer may also be a file of this media type (Produces would replace the typed JSON answer of the same status).</summary>
    public static RouteHandlerBuilder OrFile(this RouteHandlerBuilder b, string contentType, int status = 200) =>
        b.WithMetadata(new FileAnswerMetadata(contentType, status));

    public static RouteHandlerBuilder TakesRaw(this RouteHandlerBuilder b, string description, params string[] contentTypes) =>
        b.WithMetadata(new RawBodyMetadata(description, contentTypes));

    public static void Configure(OpenApiOptions o) => o.AddOperationTransformer((op, ctx, _) =>
    {
        var meta = ctx.Description.ActionDescriptor.EndpointMetadata;
        op.Responses ??= [];
        foreach (var m in meta.OfType<JsonAnswerMetadata>())
        {
            var key = m.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!op.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
                op.Responses[key] = response = new OpenApiResponse { Description = m.Description };
            response.Description = m.Description;
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = m.Description } };
        }
        foreach (var m in meta.OfType<FileAnswerMetadata>())
            if (op.Responses.TryGetValue(m.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var r) && r is OpenApiResponse typed)
            {
                typed.Content ??= new Dictionary<string, OpenApiMediaType>();
                typed.Content[m.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        foreach (var m in meta.OfType<RawBodyMetadata>())
            op.RequestBody = new OpenApiRequestBody
            {
                Required = true, Description = m.Description,
                Content = m.ContentTypes.ToDictionary(c => c, c => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                }),
            };
        // Writes that answer 428 take If-Match: say so where a client generator looks.
        if (op.Responses.ContainsKey("428"))
        {
            op.Parameters ??= [];
            op.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match", In = ParameterLocation.Header, Required = true,
                Description = "The ETag (version) the change was made from, e.g. \"3\"; * for whatever is current",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        foreach (var (_, r) in op.Responses)
        {
            if (r is not OpenApiResponse response || response.Content is null) continue;
            foreach (var (type, media) in response.Content)
                media.Schema ??= type.Contains("json") ? new OpenApiSchema { Type = JsonSchemaType.Object } : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }
        return Task.CompletedTask;
    });
}
