using System.Globalization;
using RecycleNet.Core.Network;

namespace RecycleNet.Api.Http;

/// <summary>
/// Reads numeric query parameters with a problem+json naming the parameter when one is not a number, and the
/// walking options (minutes, speedKmh, circuity, snapDistanceM) shared by life circles, coverage and scorecard.
/// </summary>
public static class WalkingQuery
{
    /// <summary>The parameter as a number, its default when absent, or a 400 problem when it is not a number.</summary>
    public static bool TryNumber(HttpRequest req, string name, double fallback, out double value, out IResult? problem)
    {
        problem = null;
        value = fallback;
        if (!req.Query.TryGetValue(name, out var raw) || string.IsNullOrWhiteSpace(raw)) return true;
        if (raw.Count == 1 && double.TryParse(raw[0], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        problem = Problems.BadParameter(name, $"'{raw}' is not a number (use a decimal point, e.g. 4.5)", $"“{raw}”不是数字（小数请用小数点，如 4.5）");
        return false;
    }

    public static bool TryParse(HttpRequest req, out WalkingOptions options, out IResult? problem)
    {
        var d = new WalkingOptions();
        options = d;
        if (!TryNumber(req, "minutes", d.Minutes, out var minutes, out problem)
            || !TryNumber(req, "speedKmh", d.SpeedKmh, out var speed, out problem)
            || !TryNumber(req, "circuity", d.Circuity, out var circuity, out problem)
            || !TryNumber(req, "snapDistanceM", d.SnapDistanceM, out var snap, out problem)) return false;
        options = new WalkingOptions { Minutes = minutes, SpeedKmh = speed, Circuity = circuity, SnapDistanceM = snap };
        if (options.Validate() is { } bad) { problem = Problems.BadParameter(bad); return false; }
        return true;
    }
}
