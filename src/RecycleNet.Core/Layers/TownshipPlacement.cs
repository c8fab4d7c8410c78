using NetTopologySuite.Geometries;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;
using RecycleNet.Core.Model;

namespace RecycleNet.Core.Layers;

/// <summary>
/// The one rule placing a point feature (village, transfer station) in a township: the township it names (name, code or
/// id) must hold it, or, named none, the township holding it is taken; within the outline tolerance either way (the
/// shipped outlines are generalised), and in the same county as the point.
/// </summary>
internal static class TownshipPlacement
{
    /// <param name="field">The township's name or code; <paramref name="idField"/> its id, read when the name is absent.</param>
    /// <param name="required">The feature must lie in a township (a transfer station), even when the city has none yet.</param>
    /// <returns>The township, or null (with the reason added when that is an error).</returns>
    public static Township? Place(RowReader r, LayerField field, LayerField idField, Geometry geometry, ImportContext ctx, long? locatedDistrictId,
        bool required)
    {
        var point = geometry is Point { IsEmpty: false } p ? p : null;
        var tolerance = ctx.Options.DistrictToleranceM;
        Township? township = null;
        if (r.Reference(field, idField) is { } named)
        {
            township = ctx.Townships.Find(named);
            if (township is null)
            {
                r.Error(field.Name, $"no township of this city is named or coded '{named}'", $"本市没有名称或代码为“{named}”的乡镇");
                return null;
            }
            if (point is not null && ctx.Townships.DistanceOutside(township, point) is var m and > 0 && m > tolerance)
            {
                r.Error(field.Name, $"the point lies {m:0} m outside township {township.Name} (more than {tolerance:0} m)",
                    $"该点位于乡镇“{township.Name}”之外 {m:0} 米（超过 {tolerance:0} 米）");
                return null;
            }
        }
        else if (point is not null && !ctx.Townships.IsEmpty)
        {
            var (nearest, m) = ctx.Townships.Locate(point);
            if (m > tolerance)
            {
                r.Error(field.Name, $"the point lies in no township: the nearest, {nearest!.Name}, is {m:0} m away (more than {tolerance:0} m)",
                    $"该点不在任何乡镇内：最近的“{nearest.Name}”相距 {m:0} 米（超过 {tolerance:0} 米）");
                return null;
            }
            township = nearest;
        }
        if (township is null)
        {
            if (required) r.Error(field.Name, ctx.Townships.IsEmpty
                ? new Reason("is required, and this city has no townships yet: import the townships layer first", "必填，而本市还没有乡镇：请先导入乡镇图层")
                : new Reason("is required", "必填"));
            return null;
        }
        if (township.DistrictId is { } county && locatedDistrictId is { } at && county != at)
            r.Error(field.Name, $"township {township.Name} is in {Name(ctx, county)}, but the point lies in {Name(ctx, at)}",
                $"乡镇“{township.Name}”属于{Name(ctx, county)}，而该点位于{Name(ctx, at)}");
        return township;
    }

    private static string Name(ImportContext ctx, long districtId) =>
        ctx.Districts.Districts.FirstOrDefault(d => d.Id == districtId)?.Name ?? $"district {districtId}";
}
