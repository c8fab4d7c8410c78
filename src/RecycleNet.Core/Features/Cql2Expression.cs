using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace RecycleNet.Core.Features;

/// <summary>
/// A parsed CQL2 filter as a syntax tree (<see cref="Cql2Text"/> builds it, checked against the collection's schema):
/// the in-memory evaluator below walks it, and a store that runs filters in its database translates the same tree.
/// Literals are typed (string, double, bool, DateOnly); geometries are WGS84.
/// </summary>
public abstract record Cql2Expression;

public sealed record Cql2And(Cql2Expression Left, Cql2Expression Right) : Cql2Expression;
public sealed record Cql2Or(Cql2Expression Left, Cql2Expression Right) : Cql2Expression;
public sealed record Cql2Not(Cql2Expression Inner) : Cql2Expression;

/// <summary>property IS [NOT] NULL.</summary>
public sealed record Cql2IsNull(string Property, bool Negated) : Cql2Expression;

/// <summary>property op literal, op one of = &lt;&gt; &lt; &lt;= &gt; &gt;=.</summary>
public sealed record Cql2Comparison(string Property, string Op, object Literal) : Cql2Expression;

/// <summary>S_INTERSECTS(geometry, literal), the literal in WGS84 (valid; checked when parsed).</summary>
public sealed record Cql2Intersects(Geometry Shape) : Cql2Expression
{
    /// <summary>Prepared once: a page tests it against every candidate feature.</summary>
    public IPreparedGeometry Prepared { get; } = PreparedGeometryFactory.Prepare(Shape);
}

/// <summary>
/// Evaluates a <see cref="Cql2Expression"/> on a feature with Kleene's three-valued logic: a comparison with a null
/// property is unknown, and unknown rows are left out (OGC 21-065r2). The right side of AND/OR is evaluated only
/// when it can change the answer. O(nodes) per feature.
/// </summary>
public static class Cql2Evaluator
{
    public static bool Matches(Cql2Expression e, FeatureRecord f) => Evaluate(e, f) == true;

    /// <summary>
    /// A box every feature the filter can match intersects, or null when the filter does not confine them (a plain
    /// comparison, a NOT, an OR with an unconfined side): S_INTERSECTS confines to its shape's box, AND to the
    /// overlap of its sides', OR to the union of both sides'. A table can then read the box from its spatial index
    /// and evaluate the filter only there.
    /// </summary>
    public static Envelope? Confinement(Cql2Expression e) => e switch
    {
        Cql2Intersects s => s.Shape.EnvelopeInternal,
        Cql2And a => (Confinement(a.Left), Confinement(a.Right)) switch
        {
            ({ } l, { } r) => l.Intersection(r),
            ({ } l, null) => l,
            (null, var r) => r,
        },
        Cql2Or o => Confinement(o.Left) is { } l && Confinement(o.Right) is { } r ? Union(l, r) : null,
        _ => null,
    };

    private static Envelope Union(Envelope a, Envelope b)
    {
        var u = new Envelope(a);
        u.ExpandToInclude(b);
        return u;
    }

    public static bool? Evaluate(Cql2Expression e, FeatureRecord f) => e switch
    {
        Cql2And a => And3(Evaluate(a.Left, f), () => Evaluate(a.Right, f)),
        Cql2Or o => Or3(Evaluate(o.Left, f), () => Evaluate(o.Right, f)),
        Cql2Not n => !Evaluate(n.Inner, f),
        Cql2IsNull n => n.Negated ? f[n.Property] is not null : f[n.Property] is null,
        Cql2Comparison c => Compare(f[c.Property], c.Op, c.Literal),
        Cql2Intersects s => f.Geometry.IsEmpty ? null : s.Prepared.Intersects(f.Geometry),
        _ => throw new ArgumentException($"unknown CQL2 node {e.GetType().Name}", nameof(e)),
    };

    private static bool? Or3(bool? a, Func<bool?> right)
    {
        if (a == true) return true;
        var b = right();
        return b == true ? true : a is null || b is null ? null : false;
    }

    private static bool? And3(bool? a, Func<bool?> right)
    {
        if (a == false) return false;
        var b = right();
        return b == false ? false : a is null || b is null ? null : true;
    }

    private static bool? Compare(object? value, string op, object literal)
    {
        if (value is null) return null;
        if (value is System.Collections.IEnumerable list and not string)
        {
            var any = list.Cast<object?>().Any(v => Compare(v, "=", literal) == true);
            return op == "=" ? any : !any;
        }
        int order;
        switch (value, literal)
        {
            case (string s, string t): order = string.CompareOrdinal(s, t); break;
            case (bool b, bool t): order = b == t ? 0 : 1; break;
            case (DateOnly d, DateOnly t): order = d.CompareTo(t); break;
            case (int or long or double or decimal, double t): order = Convert.ToDouble(value, CultureInfo.InvariantCulture).CompareTo(t); break;
            default: return null;
        }
        return op switch { "=" => order == 0, "<>" => order != 0, "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 };
    }
}
