using System.Buffers.Binary;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Network.Centrelines;

/// <summary>
/// Walks a WKB geometry (ISO or extended WKB, as GeoPackage and PostGIS write it) before a reader recurses into it:
/// the nesting stays under a depth well below the stack, every count fits in the bytes that remain, and the types
/// are the seven simple-feature ones. A GeometryCollection nested 50,000 deep is refused at its ninth level, not read.
/// Iterative in the bytes it walks, O(length).
/// </summary>
public static class WkbGuard
{
    /// <summary>Checks <paramref name="wkb"/>; returns its vertex count. Throws <see cref="FileBudgetException"/>.</summary>
    public static long Check(ReadOnlySpan<byte> wkb, int maxDepth)
    {
        var at = 0;
        long vertices = 0;
        Geometry(wkb, ref at, 1, maxDepth, ref vertices);
        if (at != wkb.Length) throw Bad($"{wkb.Length - at} bytes follow the geometry", $"几何之后多出 {wkb.Length - at} 字节");
        return vertices;
    }

    private static void Geometry(ReadOnlySpan<byte> wkb, ref int at, int depth, int maxDepth, ref long vertices)
    {
        if (depth > maxDepth) throw Bad($"the geometry nests deeper than {maxDepth} levels, the limit", $"几何嵌套超过 {maxDepth} 层的上限");
        if (wkb.Length - at < 5) throw Bad("the geometry ends inside its header", "几何在其头部中结束");
        var little = wkb[at] switch { 1 => true, 0 => false, var b => throw Bad($"byte order {b} is neither 0 nor 1", $"字节序 {b} 既不是 0 也不是 1") };
        var raw = U32(wkb, at + 1, little);
        at += 5;
        // Extended WKB flags, then ISO's thousands: the base type and how many ordinates a point has.
        var z = (raw & 0x80000000) != 0;
        var m = (raw & 0x40000000) != 0;
        if ((raw & 0x20000000) != 0) { Need(wkb, at, 4); at += 4; } // an SRID
        var type = raw & 0x0FFFFFFF;
        var iso = type / 1000;
        if (iso is 1 or 3) z = true;
        if (iso is 2 or 3) m = true;
        if (iso > 3) throw Bad($"geometry type {type} is not a simple-feature type", $"几何类型 {type} 不是简单要素类型");
        var point = 8 * (2 + (z ? 1 : 0) + (m ? 1 : 0));
        switch (type % 1000)
        {
            case 1: Need(wkb, at, point); at += point; vertices++; break;
            case 2: vertices += Points(wkb, ref at, little, point); break;
            case 3:
                var rings = Count(wkb, ref at, little, 4);
                for (long r = 0; r < rings; r++) vertices += Points(wkb, ref at, little, point);
                break;
            case 4 or 5 or 6 or 7:
                var members = Count(wkb, ref at, little, 5); // each member is at least its own 5-byte header
                for (long i = 0; i < members; i++) Geometry(wkb, ref at, depth + 1, maxDepth, ref vertices);
                break;
            default: throw Bad($"geometry type {type} is not a simple-feature type", $"几何类型 {type} 不是简单要素类型");
        }
    }

    private static long Points(ReadOnlySpan<byte> wkb, ref int at, bool little, int point)
    {
        var n = Count(wkb, ref at, little, point);
        at += (int)(n * point);
        return n;
    }

    /// <summary>A count, checked against the bytes left at <paramref name="each"/> bytes per item at least.</summary>
    private static long Count(ReadOnlySpan<byte> wkb, ref int at, bool little, int each)
    {
        Need(wkb, at, 4);
        long n = U32(wkb, at, little);
        at += 4;
        if (n * each > wkb.Length - at)
            throw Bad($"a count of {n:N0} needs at least {n * each:N0} bytes but {wkb.Length - at:N0} remain", $"数量 {n:N0} 至少需要 {n * each:N0} 字节，但只剩 {wkb.Length - at:N0} 字节");
        return n;
    }

    private static void Need(ReadOnlySpan<byte> wkb, int at, int bytes)
    {
        if (wkb.Length - at < bytes) throw Bad("the geometry ends before its coordinates do", "几何在坐标结束前就结束了");
    }

    private static uint U32(ReadOnlySpan<byte> wkb, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[at..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[at..]);

    private static FileBudgetException Bad(string en, string zh) => new(new(en, zh));
}
