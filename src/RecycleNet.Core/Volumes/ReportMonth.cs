using System.Globalization;
using System.Text.RegularExpressions;

namespace RecycleNet.Core.Volumes;

/// <summary>
/// A statistics month (统计月份), kept as the number yyyymm (202403) so the store groups and ranges by it as an integer.
/// Written "2024-03" everywhere the service speaks.
/// </summary>
public readonly partial record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    /// <summary>The earliest month the service takes: statistics older than 2000 are not this service's business.</summary>
    public static readonly ReportMonth Earliest = new(2000, 1);

    public int Key => Year * 100 + Month;

    public static ReportMonth FromKey(int key) => new(key / 100, key % 100);

    public static ReportMonth Of(DateOnly d) => new(d.Year, d.Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public ReportMonth Plus(int months)
    {
        var i = Year * 12 + (Month - 1) + months;
        return new ReportMonth(i / 12, i % 12 + 1);
    }

    /// <summary>Months from <paramref name="from"/> to this one (0 when equal).</summary>
    public int Since(ReportMonth from) => (Year - from.Year) * 12 + (Month - from.Month);

    /// <summary><paramref name="from"/> … <paramref name="to"/>, both included.</summary>
    public static IEnumerable<ReportMonth> Range(ReportMonth from, ReportMonth to)
    {
        for (var m = from; m.CompareTo(to) <= 0; m = m.Plus(1)) yield return m;
    }

    /// <summary>The last month that has ended at <paramref name="now"/> in China (UTC+8): the latest a report can cover.</summary>
    public static ReportMonth LatestFull(DateTimeOffset now) => Of(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime)).Plus(-1);

    public int CompareTo(ReportMonth other) => Key.CompareTo(other.Key);

    public static bool operator <(ReportMonth a, ReportMonth b) => a.Key < b.Key;
    public static bool operator >(ReportMonth a, ReportMonth b) => a.Key > b.Key;
    public static bool operator <=(ReportMonth a, ReportMonth b) => a.Key <= b.Key;
    public static bool operator >=(ReportMonth a, ReportMonth b) => a.Key >= b.Key;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>
    /// A month as forms write it: "2024-03", "2024/3", "2024.03", "202403", "2024年3月", or a spreadsheet date (its month).
    /// </summary>
    public static bool TryParse(object? value, out ReportMonth month)
    {
        month = default;
        switch (value)
        {
            case DateTime dt: month = new ReportMonth(dt.Year, dt.Month); return true;
            case DateOnly d: month = Of(d); return true;
            // A month in a Chinese date format (yyyy"年"m"月") reaches here as the spreadsheet's day count.
            case double or float or decimal or long or int when Import.ExcelDates.TryDate(value, out var excel): month = Of(excel); return true;
            // A spreadsheet number cell may hold NaN or overflow to infinity (1e400): no month, never a conversion that throws.
            case double d when !double.IsFinite(d) || Math.Abs(d) > 1e7: return false;
            case float f when !float.IsFinite(f) || Math.Abs(f) > 1e7: return false;
            case double or long or int or decimal or float:
                var n = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return n == decimal.Truncate(n) && n is >= 100001 and <= 999912 && TryMake((int)n / 100, (int)n % 100, out month);
            case string s:
                var m = Pattern().Match(s.Trim());
                if (!m.Success) return false;
                return TryMake(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), out month);
            default: return false;
        }
    }

    private static bool TryMake(int y, int m, out ReportMonth month)
    {
        month = new ReportMonth(y, m);
        return y is >= 1000 and <= 9999 && m is >= 1 and <= 12;
    }

    // A day may follow (2024-03-01, 2024/3/31 as a spreadsheet writes a date): the month is what counts.
    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.年]\s*(?<m>\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?(?:[ T]00:00(?::00)?)?|(?<m>\d{2}))$")]
    private static partial Regex Pattern();
}
