using System.Globalization;
using Microsoft.Extensions.Options;
using RecycleNet.Api.Http;
using RecycleNet.Core.Export;
using RecycleNet.Core.Import;
using RecycleNet.Core.Model;
using RecycleNet.Core.Storage;
using RecycleNet.Core.Volumes;
using RecycleNet.Api.Cities;
using RecycleNet.Api.Settings;
using RecycleNet.Api.Auth;

namespace RecycleNet.Api.Volumes;

/// <summary>
/// Recycling volumes: POST /api/import/volumes (monthly reports, all or nothing, ?dryRun=true to check only), GET /api/volumes
/// (figures, or totals ?by=month,category,district,facility; ?f=xlsx for a workbook of either), the categories and the
/// corrections history.
/// </summary>
public static class VolumeEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapVolumes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/import/volumes", ImportAsync)
            .Require(Need.Write)
            .WithTags("Volumes")
            .WithSummary("Import monthly volume reports (CSV or XLSX, long or wide); every row valid or nothing changes; ?dryRun=true checks without saving; "
                + "a resubmission that would drop categories needs ?mode=replace (the month whole) or ?mode=merge (only the categories resent)")
            .TakesRaw("A CSV (UTF-8, header row) or XLSX (first sheet): 单位名称 (or facilityType + facilityId), 统计月份, then 品类 + 数量 + 计量单位, or a column per category such as 废钢铁(吨)",
                "text/csv", Xlsx, "multipart/form-data")
            .Produces<VolumeImportAnswer>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422)
            .DisableAntiforgery();
        app.MapGet("/api/volumes", ListAsync).WithTags("Volumes")
            .WithSummary("Volume figures (?facility=outlets/12&category=&unit=&district=&from=2024-01&to=2024-12&offset=&limit=), or totals (?by=month,category,district,facility); ?f=xlsx for a workbook")
            .AnswersOneOf<VolumeFiguresPage, VolumeTotalsAnswer>().OrFile(Xlsx)
            .ProducesProblem(400);
        app.MapGet("/api/volumes/categories", (VolumeCategories c) => TypedResults.Ok(new VolumeCategoriesAnswer(c.Source, c.Units, c.All)))
            .WithTags("Volumes").WithSummary("The statistics' categories (Chinese and English), the units each may be reported in, and the target metrics each measures")
            .Produces<VolumeCategoriesAnswer>(200);
        app.MapGet("/api/volumes/corrections", CorrectionsAsync).WithTags("Volumes")
            .WithSummary("Figures changed by resubmitted reports, newest first: who, when, old and new quantity (?facility=outlets/12&limit=)")
            .Produces<VolumeCorrectionsAnswer>(200).ProducesProblem(400);
    }

    private static async Task<IResult> ImportAsync(HttpRequest req, string? format, string? dryRun, string? mode, VolumeStore store, CityCache cities, VolumeCache volumes,
        VolumeCategories categories, IOptions<RecycleNetOptions> options, CancellationToken ct)
    {
        var check = false;
        if (dryRun is not null && !bool.TryParse(dryRun, out check)) return Problems.BadParameter("dryRun", $"must be true or false, got '{dryRun}'", $"须为 true 或 false，实际为“{dryRun}”");
        if (!VolumeResubmissions.TryParse(mode, out var resubmission, out var badMode)) return Problems.BadParameter("mode", badMode!.Value);
        var file = await RequestBody.FileAsync(req, options.Value.MaxImportBytes, ct);
        if (file.Problem is { } bad) return bad;
        var upload = file.Value!;
        var (body, fileName, _) = upload;
        var kind = ImportFormat.Of(format, fileName, req.ContentType, body.Span);
        if (kind is not ("csv" or "xlsx")) return Problems.BadParameter("format", $"volume reports are CSV or XLSX, not {kind ?? $"'{format}'"}", $"回收量报表须为 CSV 或 XLSX 文件，不能是 {kind ?? $"“{format}”"}");
        var read = upload.Rows(kind);
        if (read.Problem is { } unreadable) return unreadable;
        var (rows, encoding) = read.Value;
        var city = await cities.GetAsync(ct);
        var directory = await store.DirectoryAsync(city, ct);
        var sheet = new VolumeImporter(categories, directory, new VolumeImportOptions { LatestMonth = volumes.LatestMonth }).Read(rows);
        if (sheet.Errors.Count > 0)
            return Problems.Invalid(sheet.Errors, $"The volume report of {rows.Count} rows", encoding is null ? null : new Dictionary<string, object?> { ["encoding"] = encoding });
        var result = await store.ApplyAsync(sheet.Figures, AuditTrail.Entry(req.HttpContext, "import", "volumes"), check, ct, resubmission);
        if (result.NeedsMode && !check) return VolumeJson.NeedsMode(result, directory, categories);
        return TypedResults.Ok(VolumeJson.ImportAnswer(result, sheet.Layout, kind, encoding, directory, categories));
    }

    private static async Task<IResult> ListAsync(HttpRequest req, VolumeStore store, CityCache cities, VolumeCategories categories, CancellationToken ct)
    {
        var q = req.Query;
        var (query, problem) = VolumeQuery.Read(name => q[name].ToString(), categories);
        if (problem is not null) return Problems.BadParameter(problem);
        var city = await cities.GetAsync(ct);
        var directory = await store.DirectoryAsync(city, ct);
        var districts = city.Districts.ToDictionary(d => d.Id, d => d.Name);
        var xlsx = q["f"].ToString() is "xlsx" || (q["f"].Count == 0 && req.Headers.Accept.ToString().Contains(Xlsx, StringComparison.Ordinal));
        if (q["f"].ToString() is not ("" or "json" or "xlsx")) return Problems.BadParameter("f", $"'{q["f"]}' is not offered; use json or xlsx", $"不提供“{q["f"]}”格式；可用 json 或 xlsx");
        if (query.By is { } by)
        {
            var totals = await store.TotalsAsync(query.Filter, by, VolumeQuery.MaxGroups + 1, ct);
            if (totals.Count > VolumeQuery.MaxGroups)
                return Problems.BadParameter("by", $"the totals have more than {VolumeQuery.MaxGroups} rows: narrow the query (facility, category, from, to) or group by less",
                    $"汇总超过 {VolumeQuery.MaxGroups} 行：请缩小查询范围（设施、品类、起止月份）或减少分组");
            var rows = totals.Select(t => VolumeJson.Total(t, by, directory, districts, categories)).ToList();
            return xlsx ? Workbook(RecordRows.Of(rows, VolumeJson.TotalColumns(by)), "totals")
                : TypedResults.Ok(new VolumeTotalsAnswer([.. by.Select(VolumeQuery.Name)], rows.Count, rows));
        }
        var count = await store.CountAsync(query.Filter, ct);
        var limit = xlsx ? VolumeQuery.MaxExportRows : query.Limit;
        if (xlsx && count > limit) return Problems.BadParameter("f", $"{count} figures match; a workbook holds at most {limit}: narrow the query or export totals (?by=)",
            $"符合条件的数据有 {count} 条；一个工作簿最多 {limit} 条：请缩小查询范围，或导出汇总（?by=）");
        var figures = await store.ListAsync(query.Filter, xlsx ? 0 : query.Offset, limit, ct);
        var list = figures.Select(v => VolumeJson.Figure(v, directory, districts, categories)).ToList();
        if (xlsx) return Workbook(RecordRows.Of(list), "figures");
        return TypedResults.Ok(new VolumeFiguresPage(count, query.Offset, query.Limit, list.Count, list));
    }

    private static IResult Workbook(IReadOnlyList<Dictionary<string, object?>> rows, string sheet)
    {
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, rows, sheetName: sheet);
        return TypedResults.File(ms.ToArray(), Xlsx, $"volumes-{sheet}.xlsx");
    }

    private static async Task<IResult> CorrectionsAsync(HttpRequest req, VolumeStore store, CityCache cities, VolumeCategories categories, CancellationToken ct)
    {
        FacilityKind? kind = null;
        long? id = null;
        if (req.Query["facility"].ToString() is { Length: > 0 } f)
        {
            if (VolumeQuery.ParseFacility(f) is not { } parsed) return Problems.BadParameter(VolumeQuery.FacilityProblem(f));
            (kind, id) = parsed;
        }
        var limit = 200;
        if (req.Query["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
            return Problems.BadParameter("limit", "must be a whole number from 1 to 10000", "须为 1 到 10000 之间的整数");
        var city = await cities.GetAsync(ct);
        var directory = await store.DirectoryAsync(city, ct);
        var list = await store.CorrectionsAsync(kind, id, limit, ct);
        var names = await Access.SeesAuthorsAsync(req.HttpContext); // who corrected: for planners only
        return TypedResults.Ok(new VolumeCorrectionsAnswer(list.Count, [.. list.Select(c => VolumeJson.Correction(c, directory, categories, names))]));
    }
}
