using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;
using RecycleNet.Core.Storage;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Layers;

/// <summary>
/// POST /api/import/{layer}?crs=&amp;mode=: a GeoJSON FeatureCollection, CSV or XLSX body (or a
/// multipart upload of one), applied whole or not at all.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImport(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/import/{layer}", ImportAsync)
            .Require(Need.Write)
            .WithTags("Import")
            .WithSummary("Import a layer from GeoJSON, CSV or XLSX; every row valid or nothing changes; ?dryRun=true checks every row and writes nothing")
            .TakesRaw("A GeoJSON FeatureCollection, a CSV (UTF-8, header row) or an XLSX (first sheet), raw or as a multipart upload",
                "application/geo+json", "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data")
            .Produces<ImportAnswer>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422)
            .DisableAntiforgery();

    private static async Task<IResult> ImportAsync(string layer, string? crs, string? mode, string? format, string? dryRun, string? mapping,
        HttpRequest req, FeatureStore store, IOptions<RecycleNetOptions> options, CancellationToken ct)
    {
        if (ColumnMapping.Renames(mapping, out var badMapping) is not { } renames) return Problems.BadParameter("mapping", badMapping!.Value);
        var check = false;
        if (dryRun is not null && !bool.TryParse(dryRun, out check)) return Problems.BadParameter("dryRun", $"must be true or false, got '{dryRun}'", $"须为 true 或 false，实际为“{dryRun}”");
        if (LayerCatalog.Find(layer) is not { } definition)
            return Problems.NotFound($"layer '{layer}' (layers: {string.Join(", ", LayerCatalog.All.Select(l => l.Name))})", $"图层“{layer}”（可用图层：{string.Join("、", LayerCatalog.All.Select(l => l.Name))}）");
        if (string.IsNullOrWhiteSpace(crs))
            return Problems.BadParameter("crs", $"every import must declare the CRS of its coordinates: {DeclaredCrs.Accepted}", $"每次导入都须声明坐标所用的坐标系：{DeclaredCrs.Accepted}");
        if (!DeclaredCrs.TryParse(crs, out var declared))
            return Problems.BadParameter("crs", $"'{crs}' is not supported; use {DeclaredCrs.Accepted}", $"不支持坐标系“{crs}”；可用：{DeclaredCrs.Accepted}");
        var importMode = ImportMode.Append;
        if (mode is not null && (!Enum.TryParse(mode, true, out importMode) || mode.Trim().All(char.IsAsciiDigit)))
            return Problems.BadParameter("mode", $"'{mode}' is not a mode; use append or replace", $"“{mode}”不是导入模式；可用 append（追加）或 replace（替换）");

        var file = await RequestBody.FileAsync(req, options.Value.MaxImportBytes, ct);
        if (file.Problem is { } bad) return bad;
        var upload = file.Value!;
        var (body, fileName, _) = upload;

        var kind = ImportFormat.Of(format, fileName, req.ContentType, body.Span);
        if (kind is null) return Problems.BadParameter("format", $"'{format}' is not a format; use geojson, csv or xlsx", $"“{format}”不是可用格式；可用 geojson、csv 或 xlsx");
        var read = upload.Rows(kind);
        if (read.Problem is { } unreadable) return unreadable;
        var (rows, encoding) = read.Value;

        if (renames.Count > 0)
        {
            if (ColumnMapping.Check(definition, rows, renames) is [_, ..] wrong) return Problems.Invalid(wrong, "The column mapping");
            rows = ColumnMapping.Apply(rows, renames, table: kind != "geojson");
        }
        // A dry run says how each column was read and shows the first rows, so a planner can correct the mapping.
        List<ColumnReadAnswer>? columns = check ? [.. ColumnMapping.Recognise(definition, rows).Select(c => new ColumnReadAnswer(c.Header, c.Field))] : null;
        List<PreviewRowAnswer>? preview = check ? [.. rows.Take(5).Select(r => new PreviewRowAnswer(r.Index, r.Properties))] : null;
        var seen = check ? new Dictionary<string, object?> { ["columns"] = columns, ["preview"] = preview } : null;
        var result = await store.ImportAsync(definition, rows, declared, importMode, AuditTrail.Entry(req.HttpContext, "import", definition.Name), ct, check);
        if (result.Conflict is { } conflict) return Problems.Conflict(conflict);
        // A refusal says how a CSV was read too: names that look wrong are then explained by the encoding.
        var more = encoding is null ? seen : new Dictionary<string, object?>(seen ?? []) { ["encoding"] = encoding };
        if (!result.Applied && !result.DryRun) return Problems.Invalid(result.Errors, $"The import of {rows.Count} {definition.Name} rows", more);
        return TypedResults.Ok(new ImportAnswer(definition.Name, importMode.ToString().ToLowerInvariant(), declared.Name, kind,
            result.Inserted, result.Removed, result.Ids, result.IgnoredFields, result.DryRun, columns, preview, encoding));
    }
}
