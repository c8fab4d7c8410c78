using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using RecycleNet.Core.Geography;

namespace RecycleNet.Core.Features;

/// <summary>A CQL2 text the service cannot take, with the character position (from 0) where reading stopped.</summary>
public sealed class Cql2Exception(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>
/// CQL2 text (OGC 21-065r2) for feature filters — the classes "basic-cql2" and "basic-spatial-functions(-plus)":
/// comparisons of a queryable with a literal (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=, IS [NOT] NULL), AND, OR, NOT and
/// parentheses, string, number, boolean, DATE('…') and TIMESTAMP('…') literals, and S_INTERSECTS(geometry, literal)
/// with BBOX(…), POINT, LINESTRING, POLYGON and their MULTI forms in the filter CRS. Logic is three-valued: a
/// comparison with a null property is unknown, and unknown rows are left out. Properties and types are checked
/// against the collection's schema when parsing, so a typo is an error, not an empty answer. The answer is a syntax
/// tree (<see cref="Cql2Expression"/>), which <see cref="Cql2Evaluator"/> runs in memory.
/// </summary>
public static class Cql2Text
{
    /// <summary>The filter as a syntax tree; <see cref="Cql2Evaluator"/> runs it on features.</summary>
    public static Cql2Expression Parse(string text, CollectionInfo collection, OutputCrs filterCrs)
    {
        var p = new Parser(text, collection, filterCrs);
        var e = p.Or();
        p.End();
        return e;
    }

    private sealed class Parser(string text, CollectionInfo c, OutputCrs crs)
    {
        private int _pos, _depth;

        /// <summary>Nesting of NOTs and parentheses: the parser recurses, so a 4,000-deep filter must not reach the stack's end.</summary>
        private const int MaxDepth = 64;

        private void Deeper()
        {
            if (++_depth > MaxDepth) throw Error($"the filter nests NOT and parentheses more than {MaxDepth} deep", _pos);
        }

        public Cql2Expression Or()
        {
            var left = And();
            while (Keyword("OR")) left = new Cql2Or(left, And());
            return left;
        }

        private Cql2Expression And()
        {
            var left = Not();
            while (Keyword("AND")) left = new Cql2And(left, Not());
            return left;
        }

        private Cql2Expression Not()
        {
            if (!Keyword("NOT")) return Primary();
            Deeper();
            var inner = Not();
            _depth--;
            return new Cql2Not(inner);
        }

        private Cql2Expression Primary()
        {
            if (Symbol("("))
            {
                Deeper();
                var e = Or();
                Expect(")");
                _depth--;
                return e;
            }
            if (Keyword("S_INTERSECTS")) return Intersects();
            var at = Skip();
            var name = Property() ?? throw Error("expected a queryable, '(' , NOT or S_INTERSECTS", at);
            var field = c.Fields.FirstOrDefault(f => f.Name == name)
                ?? throw Error($"'{name}' is not a queryable of {c.Id}; use {string.Join(", ", c.Fields.Select(f => f.Name))}", at);
            if (Keyword("IS"))
            {
                var negated = Keyword("NOT");
                if (!Keyword("NULL")) throw Error("expected NULL after IS", _pos);
                return new Cql2IsNull(name, negated);
            }
            Skip();
            var op = new[] { "<>", "<=", ">=", "=", "<", ">" }.FirstOrDefault(o => string.CompareOrdinal(text, _pos, o, 0, o.Length) == 0)
                ?? throw Error("expected a comparison (=, <>, <, <=, >, >=) or IS [NOT] NULL", _pos);
            _pos += op.Length;
            var litAt = Skip();
            var literal = Literal();
            var isDate = name == c.DateField;
            var ok = (field.Type, literal) switch
            {
                ("string", string) => !isDate,
                (_, DateOnly) => isDate,
                ("integer" or "number", double) => true,
                ("boolean", bool) => op is "=" or "<>",
                ("array", string or double) => op is "=" or "<>",
                _ => false,
            };
            if (!ok) throw Error($"'{name}' is {(isDate ? "a date" : field.Type is "integer" or "array" ? $"an {field.Type}" : $"a {field.Type}")}; it cannot be compared with {Describe(literal)} by {op}", litAt);
            return new Cql2Comparison(name, op, literal);
        }

        private Cql2Expression Intersects()
        {
            Expect("(");
            var at = Skip();
            if (Property() is not "geometry") throw Error("the first argument of S_INTERSECTS is the property 'geometry'", at);
            Expect(",");
            var shape = GeometryLiteral();
            Expect(")");
            return new Cql2Intersects(shape);
        }

        private Geometry GeometryLiteral()
        {
            var at = Skip();
            if (Keyword("BBOX"))
            {
                Expect("(");
                var n = new List<double> { Number() };
                while (Symbol(",")) n.Add(Number());
                Expect(")");
                if (n.Count is not (4 or 6)) throw Error("BBOX takes 4 numbers (or 6 with heights)", at);
                var (a0, b0, a1, b1) = n.Count == 4 ? (n[0], n[1], n[2], n[3]) : (n[0], n[1], n[3], n[4]);
                if (a0 > a1 || b0 > b1) throw Error("BBOX's lower-left corner must come first, below and left of the upper-right one", at);
                return new GeometryFactory().ToGeometry(crs.ToWgs84(a0, b0, a1, b1));
            }
            var word = Word();
            if (word is null || !new[] { "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON" }.Contains(word.ToUpperInvariant()))
                throw Error("expected a geometry: BBOX(…), POINT(…), LINESTRING(…), POLYGON(…) or a MULTI form", at);
            // The WKT runs to the parenthesis that closes its first one.
            var depth = 0;
            var start = at;
            Skip();
            do
            {
                if (_pos >= text.Length) throw Error("the geometry's parentheses do not close", start);
                if (text[_pos] == '(' && ++depth > 3) throw Error("the geometry nests its parentheses deeper than a multipolygon's 3", start);
                else if (text[_pos] == ')') depth--;
                _pos++;
            } while (depth > 0);
            Geometry g;
            try { g = new WKTReader().Read(text[start.._pos]); }
            catch (Exception e) when (e is ParseException or ArgumentException or FormatException) { throw Error($"the geometry is not valid WKT: {e.Message}", start); }
            if (g.Coordinates.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y))) throw Error("the geometry has a coordinate that is not a finite number", start);
            // Literals are written in the filter CRS's axis order; features are held in WGS84.
            var wgs84 = CoordinateTransform.Apply(g, (a, b) => crs.ToWgs84(a, b));
            // A self-intersecting ring would answer "nothing matched" rather than the truth; say what is wrong instead.
            var validity = new NetTopologySuite.Operation.Valid.IsValidOp(wgs84);
            if (!validity.IsValid) throw Error($"the geometry is not valid: {validity.ValidationError.Message} at {validity.ValidationError.Coordinate}", start);
            return wgs84;
        }

        private object Literal()
        {
            var at = _pos;
            if (at < text.Length && text[at] == '\'') return QuotedString();
            if (Keyword("TRUE")) return true;
            if (Keyword("FALSE")) return false;
            if (Keyword("DATE") || Keyword("TIMESTAMP"))
            {
                Expect("(");
                Skip();
                var s = QuotedString();
                Expect(")");
                if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return DateOnly.FromDateTime(t.UtcDateTime);
                throw Error($"'{s}' is not a date (yyyy-MM-dd) or an RFC 3339 timestamp", at);
            }
            if (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] is '-' or '+' or '.')) return Number();
            throw Error("expected a literal: 'text', a number, TRUE, FALSE, DATE('…') or TIMESTAMP('…')", at);
        }

        private string QuotedString()
        {
            var at = _pos++;
            var sb = new System.Text.StringBuilder();
            while (true)
            {
                if (_pos >= text.Length) throw Error("the string is not closed with '", at);
                if (text[_pos] == '\'')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '\'') { sb.Append('\''); _pos += 2; continue; }
                    _pos++;
                    return sb.ToString();
                }
                sb.Append(text[_pos++]);
            }
        }

        private double Number()
        {
            var at = Skip();
            var end = at;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '-' or '+' or '.' or 'e' or 'E')) end++;
            if (!double.TryParse(text.AsSpan(at, end - at), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw Error("expected a finite number", at);
            _pos = end;
            return v;
        }

        /// <summary>A property name, bare or in double quotes; null when none is here.</summary>
        private string? Property()
        {
            Skip();
            if (_pos < text.Length && text[_pos] == '"')
            {
                var end = text.IndexOf('"', _pos + 1);
                if (end < 0) throw Error("the quoted name is not closed with \"", _pos);
                var name = text[(_pos + 1)..end];
                _pos = end + 1;
                return name;
            }
            return Word();
        }

        private string? Word()
        {
            Skip();
            var end = _pos;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' || (end > _pos && text[end] is '.' or ':'))) end++;
            if (end == _pos || char.IsAsciiDigit(text[_pos])) return null;
            var word = text[_pos..end];
            _pos = end;
            return word;
        }

        private bool Keyword(string k)
        {
            Skip();
            if (string.Compare(text, _pos, k, 0, k.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
            var after = _pos + k.Length;
            if (after < text.Length && (char.IsLetterOrDigit(text[after]) || text[after] == '_')) return false;
            _pos = after;
            return true;
        }

        private bool Symbol(string s)
        {
            Skip();
            if (string.CompareOrdinal(text, _pos, s, 0, s.Length) != 0) return false;
            _pos += s.Length;
            return true;
        }

        private void Expect(string s)
        {
            if (!Symbol(s)) throw Error($"expected '{s}'", _pos);
        }

        public void End()
        {
            if (Skip() < text.Length) throw Error("unexpected text; combine conditions with AND or OR", _pos);
        }

        private int Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
            return _pos;
        }

        private static string Describe(object literal) => literal switch
        {
            string s => $"the text '{s}'",
            bool b => b ? "TRUE" : "FALSE",
            DateOnly d => $"DATE('{d:yyyy-MM-dd}')",
            double n => $"the number {n.ToString(CultureInfo.InvariantCulture)}",
            _ => literal.ToString() ?? "",
        };

        private Cql2Exception Error(string message, int at) => new($"{message} (at character {at})", at);
    }
}
