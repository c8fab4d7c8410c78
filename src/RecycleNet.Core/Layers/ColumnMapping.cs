using System.Text;
using System.Text.Json;
using RecycleNet.Core.Import;
using RecycleNet.Core.Input;

namespace RecycleNet.Core.Layers;

/// <summary>How an import's column is read: as a layer property, as the geometry (coordinates), or not at all.</summary>
/// <param name="Field">The layer property it is read as ("name", "households" …), "geometry", or null: ignored.</param>
public sealed record ColumnUse(string Header, string? Field);

/// <summary>
/// Which columns of an import a layer reads, by their names and Chinese aliases (名称, 户数, 经度 …), and a planner's
/// corrections: a column renamed to the property it holds ("网点" → name) before the rows are read, so a sheet with its
/// own headers imports without editing the file. The one place the page's preview and the import agree on a column.
/// </summary>
public static class ColumnMapping
{
    public static IReadOnlyList<ColumnUse> Recognise(LayerDefinition layer, IReadOnlyList<ImportRow> rows)
    {
        var headers = rows.SelectMany(r => r.Properties.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. headers.Select(h => new ColumnUse(h,
            layer.Fields.FirstOrDefault(f => f.Keys.Contains(h, StringComparer.OrdinalIgnoreCase))?.Name
            ?? (TableRowReader.GeometryColumns.Contains(h) ? "geometry" : null)))];
    }

    /// <summary>
    /// An import's <c>?mapping=</c>: a JSON object from column name to property name (<c>{"网点":"name"}</c>), read by the
    /// strict JSON reader; null with the reason when it is not one.
    /// </summary>
    public static Dictionary<string, string>? Renames(string? mapping, out Reason? why)
    {
        why = null;
        var renames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(mapping)) return renames;
        static Reason Bad(string en, string zh) => new($"must be a JSON object from column to property, e.g. {{\"网点\":\"name\"}}: {en}",
            $"须为从列名到属性的 JSON 对象，如 {{\"网点\":\"name\"}}：{zh}");
        JsonDocument doc;
        try { doc = StrictJson.Parse(Encoding.UTF8.GetBytes(mapping)); }
        catch (JsonInputException e) { why = Bad(e.Rule, $"不是可读的 JSON（{e.Rule}）"); return null; }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) { why = Bad("it is not an object", "它不是对象"); return null; }
            foreach (var m in doc.RootElement.EnumerateObject())
            {
                if (m.Value.ValueKind != JsonValueKind.String)
                {
                    why = Bad($"'{JsonFieldReader.Clip(m.Name)}' maps to no property name", $"“{JsonFieldReader.Clip(m.Name)}”没有对应的属性名");
                    return null;
                }
                renames[m.Name] = m.Value.GetString()!;
            }
        }
        return renames;
    }

    /// <summary>
    /// Problems with a mapping: a column that is not in the file, or a target that is neither one of the layer's
    /// properties nor a coordinate column (lon, lat, 经纬度, wkt).
    /// </summary>
    public static IReadOnlyList<ImportError> Check(LayerDefinition layer, IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, string> mapping)
    {
        var headers = rows.SelectMany(r => r.Properties.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportError>();
        foreach (var (from, to) in mapping)
        {
            if (!headers.Contains(from)) errors.Add(new ImportError(null, "mapping", $"the file has no column '{from}'", $"文件中没有“{from}”列"));
            else if (!layer.Fields.Any(f => f.Name.Equals(to, StringComparison.OrdinalIgnoreCase)) && !TableRowReader.GeometryColumns.Contains(to))
                errors.Add(new ImportError(null, "mapping",
                    $"'{to}' (for column '{from}') is not a property of {layer.Name}: use one of {string.Join(", ", layer.Fields.Select(f => f.Name))}, or lon, lat",
                    $"“{to}”（对应“{from}”列）不是此图层的属性：可用 {string.Join("、", layer.Fields.Select(f => f.Name))}，或 lon、lat"));
        }
        return errors;
    }

    /// <summary>
    /// The rows with the mapped columns renamed (a mapped column replaces any column already of that name); a table's
    /// coordinates are read again (a column may have been mapped to lon or lat), a GeoJSON feature keeps its geometry.
    /// </summary>
    public static List<ImportRow> Apply(IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, string> mapping, bool table = true)
    {
        if (mapping.Count == 0) return [.. rows];
        var targets = mapping.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. rows.Select(r =>
        {
            var props = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in r.Properties)
                if (!targets.Contains(k) || mapping.ContainsKey(k)) props[mapping.TryGetValue(k, out var to) ? to : k] = v;
            foreach (var (from, to) in mapping) if (r.Properties.TryGetValue(from, out var v)) props[to] = v;
            return table ? TableRowReader.Row(r.Index, props)
                : new ImportRow(r.Index, r.Geometry, props) { GeometryError = r.GeometryError, StrictTypes = r.StrictTypes };
        })];
    }
}
