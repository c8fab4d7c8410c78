using RecycleNet.Core.Model;

using RecycleNet.Core.Input;
using RecycleNet.Core.Cities;

namespace RecycleNet.Core.SiteSelection;

/// <summary>
/// How big a siting run may be, so that one request cannot take the process's memory: the coverage sets of an
/// outlet run grow with the candidates, and a centre run holds every outlet–candidate distance. Checked before
/// any work, from the city's areas and counts alone.
/// </summary>
public sealed record SitingLimits
{
    /// <summary>Most outlet candidates (a 250 m grid over Jinan's 10,244 km² is about 164,000).</summary>
    public int MaxOutletCandidates { get; init; } = 200_000;

    /// <summary>Most outlet–candidate pairs of a sorting-centre run (operating outlets × candidates).</summary>
    public long MaxCenterPairs { get; init; } = 10_000_000;

    /// <summary>Threads one run may use at once (-1: every core).</summary>
    public int MaxThreads { get; init; } = -1;

    /// <summary>Why an outlet run is too large (the request field to change, and the rule), or null.</summary>
    public FieldError? CheckOutlets(CitySnapshot city, OutletSitingOptions o)
    {
        var (count, exact) = OutletSiting.CandidateCount(city, o);
        if (count <= MaxOutletCandidates) return null;
        if (o.Candidates != CandidateSource.Grid)
            return new(o.Candidates == CandidateSource.Uploaded ? "uploadedSites" : "candidates",
                $"gives {count:N0} candidates; at most {MaxOutletCandidates:N0} are allowed per run (RecycleNet:Siting:MaxOutletCandidates)",
                $"得到 {count:N0} 个候选点；每次运行最多 {MaxOutletCandidates:N0} 个（RecycleNet:Siting:MaxOutletCandidates）");
        var km2 = DistrictGrid.AreaM2(city) / 1e6;
        var spacing = Math.Ceiling(Math.Sqrt(km2 * 1e6 / MaxOutletCandidates));
        return new("gridSpacingM", $"a {o.GridSpacingM:0.#} m grid over the districts' {km2:N0} km² gives {(exact ? "" : "about ")}{count:N0} candidates; "
            + $"at most {MaxOutletCandidates:N0} are allowed per run (RecycleNet:Siting:MaxOutletCandidates): use gridSpacingM ≥ {spacing:0} or upload sites",
            $"在各区县 {km2:N0} 平方千米上以 {o.GridSpacingM:0.#} 米为间距布网格，得到{(exact ? "" : "约 ")} {count:N0} 个候选点；"
            + $"每次运行最多 {MaxOutletCandidates:N0} 个（RecycleNet:Siting:MaxOutletCandidates）：请把网格间距设为至少 {spacing:0} 米，或上传候选点");
    }

    /// <summary>Why a centre run is too large, or null.</summary>
    public FieldError? CheckCenters(CitySnapshot city, CenterSitingOptions o)
    {
        long candidates = o.UploadedSites.Count > 0 ? o.UploadedSites.Count : DistrictGrid.EstimateCount(city, o.GridSpacingM);
        var outlets = Math.Max(1, city.Outlets.Count(x => x.Status == FacilityStatus.Operating));
        var pairs = candidates * outlets;
        if (pairs <= MaxCenterPairs) return null;
        var field = o.UploadedSites.Count > 0 ? "uploadedSites" : "gridSpacingM";
        var minSpacing = Math.Ceiling(Math.Sqrt(DistrictGrid.AreaM2(city) * outlets / MaxCenterPairs));
        return new(field, $"{candidates:N0} candidates × {outlets:N0} operating outlets = {pairs:N0} pairs; at most {MaxCenterPairs:N0} are allowed per run "
            + $"(RecycleNet:Siting:MaxCenterPairs){(field == "gridSpacingM" ? $": use gridSpacingM ≥ {minSpacing:0}" : "")}",
            $"{candidates:N0} 个候选点 × {outlets:N0} 个运营网点 = {pairs:N0} 对；每次运行最多 {MaxCenterPairs:N0} 对"
            + $"（RecycleNet:Siting:MaxCenterPairs）{(field == "gridSpacingM" ? $"：请把网格间距设为至少 {minSpacing:0} 米" : "")}");
    }
}
