using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RecycleNet.Api.Ogc;

/// <summary>
/// The OpenAPI 3.0 document of the OGC routes (/openapi/ogc.json): only those routes, with the query parameters
/// the handlers read by hand (limit's maximum is what GDAL reads to size its pages).
/// </summary>
public static class OgcOpenApi
{
    public static void Configure(OpenApiOptions o)
    {
        o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        o.ShouldInclude = d => d.GroupName == "ogc";
        o.AddOperationTransformer((op, ctx, _) =>
        {
            var name = ctx.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            op.Parameters ??= [];
            void Add(string p, string description, JsonSchemaType type, string? min = null, string? max = null, string? dflt = null) =>
                op.Parameters.Add(new OpenApiParameter
                {
                    Name = p, In = ParameterLocation.Query, Required = false, Description = description,
                    Schema = new OpenApiSchema { Type = type, Minimum = min, Maximum = max, Default = dflt is null ? null : System.Text.Json.Nodes.JsonValue.Create(int.Parse(dflt)) },
                });
            if (name is "ogc-items" or "ogc-item" or "ogc-landing" or "ogc-collections" or "ogc-collection" or "ogc-conformance")
                Add("f", "json or html (default: from the Accept header, else json)", JsonSchemaType.String);
            if (name is "ogc-items" or "ogc-item")
                Add("crs", "output CRS URI or alias: CRS84 (default), EPSG:4326, EPSG:4490, EPSG:3857, the local zone, GCJ-02, BD-09", JsonSchemaType.String);
            if (name != "ogc-items") return Task.CompletedTask;
            Add("limit", "features per page; larger values are clamped to 10,000", JsonSchemaType.Integer, "1", "10000", "100");
            Add("offset", "features to skip", JsonSchemaType.Integer, "0", null, "0");
            Add("bbox", "minx,miny,maxx,maxy (axis order of bbox-crs)", JsonSchemaType.String);
            Add("bbox-crs", "CRS of bbox (default CRS84)", JsonSchemaType.String);
            Add("datetime", "date or interval start/end ('..' open) on the collection's date property", JsonSchemaType.String);
            Add("filter", "CQL2 text, e.g. households >= 1000 AND S_INTERSECTS(geometry, BBOX(117,36.6,117.1,36.7))", JsonSchemaType.String);
            Add("filter-lang", "cql2-text (the only one offered)", JsonSchemaType.String);
            Add("filter-crs", "CRS of the filter's geometry literals (default CRS84)", JsonSchemaType.String);
            return Task.CompletedTask;
        });
    }
}
