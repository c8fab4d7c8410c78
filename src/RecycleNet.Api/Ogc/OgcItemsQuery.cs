using System.Globalization;
using RecycleNet.Api.Http;
using RecycleNet.Core.Features;
using RecycleNet.Core.Geography;
using RecycleNet.Core.Network;

namespace RecycleNet.Api.Ogc;

/// <summary>
/// The query of /collections/{id}/items, read and checked: limit (default 100, above the maximum clamped, not
/// refused), offset, bbox with bbox-crs, crs, datetime, one equality filter per queryable, a CQL2 text filter
/// (filter, filter-lang, filter-crs), and f. Anything else
/// is a 400 naming the parameter (OGC API – Features /rec/core/query-param-unknown).
/// </summary>
/// <param name="Walk">For computed collections, the walking parameters (minutes, speedKmh) asked for.</param>
public sealed record OgcItemsQuery(FeatureQuery Query, OutputCrs Crs, string Format, WalkingOptions? Walk)
{
    public const int DefaultLimit = 100, MaxLimit = 10_000, MaxDownload = 1_000_000;

    // "city" chooses the city (Setup/CityRouting), as on every route.
    private static readonly string[] Reserved = ["f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "filter", "filter-lang", "filter-crs", "city"];

    public static IResult? TryRead(HttpRequest req, CollectionInfo collection, IReadOnlyList<OutputCrs> supported, out OgcItemsQuery? result)
    {
        result = null;
        var q = req.Query;
        foreach (var key in q.Keys)
            if (!Reserved.Contains(key) && collection.Fields.All(f => f.Name != key) && collection.Parameters?.Contains(key) != true)
                return Problems.BadParameter(key, $"is not a parameter of {collection.Id}; use {string.Join(", ", Reserved.Concat(collection.Parameters ?? []))} or a queryable ({string.Join(", ", collection.Fields.Select(f => f.Name))})",
                    $"不是 {collection.Id} 的参数；可用 {string.Join("、", Reserved.Concat(collection.Parameters ?? []))}，或可查询属性（{string.Join("、", collection.Fields.Select(f => f.Name))}）");
        if (TryWalk(req, collection, out var walk) is { } badWalk) return badWalk;

        if (OgcFormat.TryRead(req, OgcFormat.Items, out var format) is { } badFormat) return badFormat;
        var download = OgcFormat.Downloads.Contains(format);
        if (!TryInt(q, "limit", download ? MaxDownload : DefaultLimit, 1, out var limit, out var problem)) return problem;
        if (!TryInt(q, "offset", 0, 0, out var offset, out problem)) return problem;
        if (TryCrs(q, "crs", supported, out var crs) is { } badCrs) return badCrs;
        if (TryCrs(q, "bbox-crs", supported, out var bboxCrs) is { } badBboxCrs) return badBboxCrs;
        if (format is OgcFormat.GeoPackage or OgcFormat.Shapefile && crs.Wkt is null)
            return Problems.BadParameter("crs", $"{crs.Title} has no EPSG definition a {format} file could declare; download it as GeoJSON, CSV or XLSX, or choose an EPSG CRS",
                $"{crs.Title} 没有 {format} 文件可声明的 EPSG 定义；请下载 GeoJSON、CSV 或 XLSX，或选用 EPSG 坐标系");

        NetTopologySuite.Geometries.Envelope? bbox = null;
        if (q.TryGetValue("bbox", out var rawBbox))
        {
            var parts = rawBbox.ToString().Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
            if (parts.Length is not (4 or 6) || numbers.Any(n => n is null))
                return Problems.BadParameter("bbox", $"'{rawBbox}' must be 4 numbers (or 6 with heights) separated by commas: lower-left then upper-right corner",
                    $"“{rawBbox}”须为以逗号分隔的 4 个数（含高程为 6 个）：先左下角，再右上角");
            // With 6 numbers the heights sit third and sixth.
            var (a0, b0, a1, b1) = parts.Length == 4 ? (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value)
                : (numbers[0]!.Value, numbers[1]!.Value, numbers[3]!.Value, numbers[4]!.Value);
            if (a0 > a1 || b0 > b1)
                return Problems.BadParameter("bbox", $"'{rawBbox}': the lower-left corner must come first and lie below and left of the upper-right one (no box crosses the antimeridian here)",
                    $"“{rawBbox}”：左下角须在前，且位于右上角的左下方（此处的范围不跨越 180° 经线）");
            bbox = bboxCrs.ToWgs84(a0, b0, a1, b1);
        }

        DateOnly? from = null, to = null;
        if (q.TryGetValue("datetime", out var rawDate))
        {
            if (collection.DateField is null)
                return Problems.BadParameter("datetime", $"{collection.Id} carries no dates; datetime does not apply", $"{collection.Id} 没有日期属性，不能按 datetime 筛选");
            var ends = rawDate.ToString().Split('/');
            if (ends.Length > 2 || !TryDate(ends[0], out from) || !TryDate(ends[^1], out to) || (ends.Length == 1 && from is null))
                return Problems.BadParameter("datetime", $"'{rawDate}' must be a date (2024-08-01), a date-time, or an interval start/end with '..' for an open end",
                    $"“{rawDate}”须为日期（2024-08-01）、日期时间，或“开始/结束”区间（开放的一端用“..”）");
            if (from > to) return Problems.BadParameter("datetime", $"'{rawDate}': the interval ends before it starts", $"“{rawDate}”：区间的结束早于开始");
        }

        Cql2Expression? filter = null;
        if (q.TryGetValue("filter-lang", out var lang) && !string.Equals(lang, "cql2-text", StringComparison.OrdinalIgnoreCase))
            return Problems.BadParameter("filter-lang", $"'{lang}' is not offered; filters are written in cql2-text", $"不提供“{lang}”；筛选条件用 cql2-text 书写");
        if (TryCrs(q, "filter-crs", supported, out var filterCrs) is { } badFilterCrs) return badFilterCrs;
        if (q.TryGetValue("filter", out var rawFilter))
        {
            try { filter = Cql2Text.Parse(rawFilter.ToString(), collection, filterCrs); }
            catch (Cql2Exception e) { return Problems.BadParameter("filter", e.Message, $"筛选条件（CQL2）在第 {e.Position + 1} 个字符处无法解析：{e.Message}"); }
        }

        var equals = q.Where(kv => collection.Fields.Any(f => f.Name == kv.Key)).Select(kv => (kv.Key, kv.Value.ToString())).ToList();
        result = new OgcItemsQuery(new FeatureQuery
        {
            Bbox = bbox, Offset = offset, Limit = Math.Min(limit, download ? MaxDownload : MaxLimit), PropertyEquals = equals, From = from, To = to,
            Filter = filter,
        }, crs, format, walk);
        return null;
    }

    /// <summary>minutes and speedKmh of a computed collection (defaults 15 and 4.5), checked like /api/coverage's.</summary>
    public static IResult? TryWalk(HttpRequest req, CollectionInfo collection, out WalkingOptions? walk)
    {
        walk = null;
        if (!collection.IsComputed) return null;
        var d = new WalkingOptions();
        if (!WalkingQuery.TryNumber(req, "minutes", d.Minutes, out var minutes, out var problem)
            || !WalkingQuery.TryNumber(req, "speedKmh", d.SpeedKmh, out var speed, out problem)) return problem;
        walk = d with { Minutes = minutes, SpeedKmh = speed };
        return walk.Validate() is { } bad ? Problems.BadParameter(bad) : null;
    }

    private static bool TryInt(IQueryCollection q, string name, int fallback, int min, out int value, out IResult? problem)
    {
        problem = null;
        value = fallback;
        if (!q.TryGetValue(name, out var raw)) return true;
        var text = raw.ToString();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value >= min) return true;
        }
        // Digits beyond int's range still mean "as many as you allow": clamp like any other large limit.
        else if (name == "limit" && text.Length > 0 && text.All(char.IsAsciiDigit)) { value = int.MaxValue; return true; }
        problem = Problems.BadParameter(name, $"'{raw}' must be a whole number ≥ {min}", $"“{raw}”须为不小于 {min} 的整数");
        return false;
    }

    public static IResult? TryCrs(IQueryCollection q, string name, IReadOnlyList<OutputCrs> supported, out OutputCrs crs)
    {
        crs = supported[0];
        if (!q.TryGetValue(name, out var raw)) return null;
        if (OutputCrs.Find(supported, raw.ToString()) is { } found) { crs = found; return null; }
        return Problems.BadParameter(name, $"'{raw}' is not a supported CRS; use one of {string.Join(", ", supported.Select(c => c.Uri))}",
            $"不支持坐标系“{raw}”；可用：{string.Join("、", supported.Select(c => c.Uri))}");
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text is ".." or "") return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { date = d; return true; }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) && text.Contains('T'))
        {
            date = DateOnly.FromDateTime(dt.UtcDateTime);
            return true;
        }
        return false;
    }
}
