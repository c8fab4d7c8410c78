using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace RecycleNet.Core.Database;

/// <summary>NTS geometry to ISO WKB and back; compared by exact equality so edits are detected.</summary>
public sealed class GeometryWkbConverter() : ValueConverter<Geometry, byte[]>(
    g => new WKBWriter().Write(g),
    bytes => new WKBReader().Read(bytes))
{
    public static readonly ValueComparer<Geometry> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
        g => g.GetHashCode(),
        g => g.Copy());
}

/// <summary>Stores an enum as its lower-case name ("operating"), the same word the API uses.</summary>
public sealed class LowerCaseEnumConverter<T>() : ValueConverter<T, string>(
    v => v.ToString().ToLowerInvariant(),
    s => Enum.Parse<T>(s, true)) where T : struct, Enum;
