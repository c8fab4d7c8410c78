using System.Globalization;

namespace RecycleNet.Core.Styles;

/// <summary>Numbers and values as both style formats write them: invariant, round-tripping, booleans as true/false.</summary>
public static class StyleText
{
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string Value(object v) => v is bool b ? (b ? "true" : "false") : Convert.ToString(v, CultureInfo.InvariantCulture)!;
}
