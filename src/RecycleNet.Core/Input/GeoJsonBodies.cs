using System.ComponentModel;
using System.Text.Json;

namespace RecycleNet.Core.Input;

// The GeoJSON shapes request and answer bodies are documented with (RFC 7946).

[Description("A GeoJSON Feature (RFC 7946) with the layer's properties; coordinates in the crs given by ?crs= (WGS84 by default).")]
public sealed record GeoJsonFeature(string Type, long? Id, JsonElement? Geometry, Dictionary<string, JsonElement?>? Properties);

[Description("A GeoJSON FeatureCollection (RFC 7946).")]
public sealed record GeoJsonFeatureCollection(string Type, GeoJsonFeature[] Features);

[Description("A point as { lon, lat } in the body's crs, or a GeoJSON Point.")]
public sealed record LonLat(double Lon, double Lat);
