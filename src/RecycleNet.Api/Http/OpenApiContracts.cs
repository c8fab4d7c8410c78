using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RecycleNet.Api.Http;

/// <summary>An answer of one of these types (GET /api/volumes: figures, or totals with ?by=): documented as oneOf of their schemas.</summary>
public sealed record OneOfAnswerMetadata(IReadOnlyList<Type> Types, int Status = 200);

/// <summary>A body read as bytes (imports, OSM files): documented as binary in each of these media types.</summary>
public sealed record RawBodyMetadata(string Description, params string[] ContentTypes);

/// <summary>A typed answer's other form, a file (?f=xlsx, ?f=docx): added beside its JSON schema, not in its place.</summary>
public sealed record FileAnswerMetadata(string ContentType, int Status = 200);

/// <summary>
/// Completes the service's OpenAPI document (/openapi/v1.json) from endpoint metadata: typed bodies and answers come
/// from .Accepts&lt;T&gt;/.Produces&lt;T&gt;, an answer of two types and a file beside a typed answer from the records
/// above, raw bodies as binary; every problem answer gets the problem+json schema, and a content type with no schema gets
/// one, so that no operation is left without a request-body or response schema. What is free-form says so, and a
/// polymorphic answer is written as generators read it.
/// </summary>
public static class OpenApiContracts
{
    /// <summary>The answer is one of two types, as the request asks (Produces would keep only the last).</summary>
    public static RouteHandlerBuilder AnswersOneOf<T1, T2>(this RouteHandlerBuilder b, int status = 200) =>
        b.WithMetadata(new OneOfAnswerMetadata([typeof(T1), typeof(T2)], status));

    /// <summary>The answer may also be a file of this media type (Produces would replace the typed JSON answer of the same status).</summary>
    public static RouteHandlerBuilder OrFile(this RouteHandlerBuilder b, string contentType, int status = 200) =>
        b.WithMetadata(new FileAnswerMetadata(contentType, status));

    public static RouteHandlerBuilder TakesRaw(this RouteHandlerBuilder b, string description, params string[] contentTypes) =>
        b.WithMetadata(new RawBodyMetadata(description, contentTypes));

    public static void Configure(OpenApiOptions o)
    {
        o.AddSchemaTransformer(FreeForm);
        o.AddOperationTransformer(Complete);
        o.AddDocumentTransformer(Inheritance);
    }

    // A polymorphic answer (SitingResultAnswer: outlets, sorting-centers, tiers by "kind") as generators read it: the base
    // holds the discriminator, each derived schema is allOf the base and its own members. ASP.NET writes the base as anyOf
    // its derived types instead, which NSwag cannot map back to its subtypes.
    private static Task Inheritance(OpenApiDocument doc, OpenApiDocumentTransformerContext ctx, CancellationToken ct)
    {
        if (doc.Components?.Schemas is not { } schemas) return Task.CompletedTask;
        foreach (var (name, s) in schemas.ToList())
        {
            if (s is not OpenApiSchema baseSchema || baseSchema.Discriminator is not { PropertyName: { } property, Mapping: { Count: > 0 } mapping }) continue;
            foreach (var (_, target) in mapping)
                if (target.Reference.Id is { } id && schemas.TryGetValue(id, out var d) && d is OpenApiSchema derived)
                {
                    derived.AllOf = [new OpenApiSchemaReference(name, doc)];
                    derived.Properties?.Remove(property);
                    derived.Required?.Remove(property);
                }
            baseSchema.AnyOf = null;
            baseSchema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                [property] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. mapping.Keys.Select(k => (System.Text.Json.Nodes.JsonNode)k)] },
            };
        }
        return Task.CompletedTask;
    }

    // What is free-form says so, so that no schema in the document is an object of unknown members or an empty schema by
    // accident: a JsonElement (a GeoJSON geometry, a stored feature) is any JSON value; a map of names to any value (a layer's
    // properties, a row as read) declares additionalProperties. The transformer also visits the schemas it adds: each
    // change is made once.
    private const string AnyValue = "Any JSON value";

    private static Task FreeForm(OpenApiSchema schema, OpenApiSchemaTransformerContext ctx, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(ctx.JsonTypeInfo.Type) ?? ctx.JsonTypeInfo.Type;
        if (type == typeof(System.Text.Json.JsonElement))
            schema.Description ??= AnyValue + " (a GeoJSON geometry, a layer's feature or properties as sent)";
        else if (IsFreeMap(type) && schema.AdditionalProperties is null)
        {
            schema.AdditionalProperties = new OpenApiSchema { Description = AnyValue };
            schema.Description ??= "Members that vary (a layer's properties, a row as read), each " + AnyValue.ToLowerInvariant();
        }
        return Task.CompletedTask;
    }

    // A map from names to any value (object, JsonElement): IDictionary or IReadOnlyDictionary.
    private static bool IsFreeMap(Type type) => type.GetInterfaces().Append(type).Any(i => i.IsGenericType
        && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        && i.GetGenericArguments() is [var key, var value] && key == typeof(string)
        && (Nullable.GetUnderlyingType(value) ?? value) is var v && (v == typeof(object) || v == typeof(System.Text.Json.JsonElement)));

    private static async Task Complete(OpenApiOperation op, OpenApiOperationTransformerContext ctx, CancellationToken ct)
    {
        var meta = ctx.Description.ActionDescriptor.EndpointMetadata;
        op.Responses ??= [];
        foreach (var m in meta.OfType<OneOfAnswerMetadata>())
        {
            var choices = new List<IOpenApiSchema>();
            foreach (var type in m.Types) choices.Add(await Component(ctx, type, ct));
            var key = m.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!op.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
                op.Responses[key] = response = new OpenApiResponse { Description = "OK" };
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchema { OneOf = choices } };
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
    }

    // A type's schema as a component of the document, referenced by name as typed answers are.
    private static async Task<IOpenApiSchema> Component(OpenApiOperationTransformerContext ctx, Type type, CancellationToken ct)
    {
        var schema = await ctx.GetOrCreateSchemaAsync(type, null, ct);
        var document = ctx.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, document);
    }
}
