using RecycleNet.Api.Services;

namespace RecycleNet.Api.Ogc;

/// <summary>/ogc/collections/{id}/items and /items/{featureId}: pages of features and single features, JSON or HTML.</summary>
public static class OgcItemsEndpoint
{
    public static async Task<IResult> ItemsAsync(string collectionId, HttpRequest req, HttpResponse res, FeatureCache cache,
        Core.Storage.FeatureStore store, CancellationToken ct)
    {
        if (cache.Find(collectionId) is not { } c) return OgcEndpoints.UnknownCollection(collectionId, cache.Collections);
        var crs = await OgcEndpoints.SupportedCrsAsync(cache, ct);
        if (OgcItemsQuery.TryRead(req, c, crs, out var read) is { } bad) return bad;
        var q = read!;
        Core.Features.FeaturePage page;
        // A page of a stored layer that selects is answered by the store when it can (PostgreSQL); the rest by the table.
        var layer = Core.Layers.LayerCatalog.All.FirstOrDefault(l => l.Name == c.Id);
        if (layer is not null && store.Plan(layer, q.Query) is { } plan)
        {
            page = await store.QueryAsync(layer, plan, q.Query, ct);
        }
        else page = (await cache.GetAsync(c, q.Walk, ct)).Query(q.Query);
        // Tagged by what the page says, not by when it was read: a write elsewhere (another layer, another city) or a
        // rebuild that found the same rows leaves the tag a client holds as it was.
        if (Http.WeakETags.Fresh(req.HttpContext, Http.WeakETags.Of(Core.Features.FeatureFingerprint.Of(page.Features, page.NumberMatched), q.Format)))
            return Http.WeakETags.NotModified();
        res.Headers["Content-Crs"] = $"<{q.Crs.Uri}>";
        if (q.Format == OgcFormat.Html) return OgcHtml.Items(req, c, page, q);
        if (OgcFormat.Downloads.Contains(q.Format)) return await OgcDownload.FileAsync(c, page, q, ct);
        return OgcEndpoints.Json(w => OgcFeatureJson.WritePage(w, req, c, page, q), "application/geo+json; charset=utf-8");
    }

    public static async Task<IResult> ItemAsync(string collectionId, string featureId, HttpRequest req, HttpResponse res, FeatureCache cache, CancellationToken ct)
    {
        if (cache.Find(collectionId) is not { } c) return OgcEndpoints.UnknownCollection(collectionId, cache.Collections);
        if (OgcFormat.TryRead(req, OgcFormat.Items, out var format) is { } bad) return bad;
        var supported = await OgcEndpoints.SupportedCrsAsync(cache, ct);
        if (OgcItemsQuery.TryCrs(req.Query, "crs", supported, out var crs) is { } badCrs) return badCrs;
        if (OgcItemsQuery.TryWalk(req, c, out var walk) is { } badWalk) return badWalk;
        var table = await cache.GetAsync(c, walk, ct);
        if (!long.TryParse(featureId, out var id) || table.Find(id) is not { } f)
            return Http.Problems.Make(404, "not-found", $"feature '{featureId}' of {c.Id} was not found", field: "featureId",
                detailZh: $"{c.Id} 中没有要素“{featureId}”。");
        // Tagged only once found: a missing feature is never "not modified".
        if (Http.WeakETags.Fresh(req.HttpContext, Http.WeakETags.Of(Core.Features.FeatureFingerprint.Of([f]), format))) return Http.WeakETags.NotModified();
        res.Headers["Content-Crs"] = $"<{crs.Uri}>";
        if (format == OgcFormat.Html) return OgcHtml.Item(req, c, f);
        var b = OgcLinks.Base(req);
        return OgcEndpoints.Json(w => Http.FeatureJson.WriteFeature(w, f, crs, more =>
        {
            more.WriteStartArray("links");
            OgcLinks.Write(more, OgcLinks.With(req, ("f", "json")), "self", OgcLinks.GeoJson, "this feature");
            OgcLinks.Write(more, OgcLinks.With(req, ("f", "html")), "alternate", OgcLinks.Html, "this feature as HTML");
            OgcLinks.Write(more, $"{b}/collections/{c.Id}", "collection", OgcLinks.Json, c.Title);
            more.WriteEndArray();
        }), "application/geo+json; charset=utf-8");
    }
}
