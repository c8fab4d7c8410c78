using System.Text.Json.Serialization;

namespace RecycleNet.Core.Cities;

/// <summary>
/// A city (or county-level city) the service plans for: the partition every layer row, network, siting run and audit
/// entry belongs to. Cities are configuration (seeds/cities.json), not planner data: adding one is an operator's act.
/// </summary>
/// <param name="Id">URL id, lower-case ASCII (jinan, binzhou, anqiu): the {city} of /cities/{city}/… and ?city=.</param>
/// <param name="Name">Chinese name, e.g. 滨州市.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Adcode">Six-digit administrative division code of the city (370100) or county-level city (370784).</param>
/// <param name="Policy">Id of the policy (seeds/policies) that binds this city: its targets, subsidy rules and tier rules.</param>
/// <param name="Demo">Folder under the demo data root holding the city's demo files, or null for none.</param>
/// <param name="Bbox">
/// The city's extent, WGS84 [west, south, east, north] as GeoJSON writes a bbox: what a map of the city frames, and the
/// longitude that chooses its metric projection, before any of its layers is imported.
/// </param>
public sealed record City(string Id, string Name, string NameEn, string Adcode, string Policy, string? Demo = null, double[]? Bbox = null)
{
    /// <summary>The extent as an envelope (lon, lat), or null when the city gives none.</summary>
    public NetTopologySuite.Geometries.Envelope? Extent => Bbox is [var w, var s, var e, var n] ? new(w, e, s, n) : null;

    /// <summary>Whether <paramref name="id"/> has the shape of a city id (it may still name no configured city).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: >= 2 and <= 32 } && id[0] is >= 'a' and <= 'z' && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}

/// <summary>seeds/cities.json: the cities and which one answers the routes that name none.</summary>
public sealed record CitySeed(
    [property: JsonPropertyName("default")] string Default,
    [property: JsonPropertyName("cities")] IReadOnlyList<City> Cities);
