namespace RecycleNet.Core.Import;

/// <summary>
/// A spreadsheet stores a date as a number of days since 1899-12-30 and shows it by the cell's number format. The
/// workbook reader turns cells of the common date formats into dates, but not those of the East Asian built-in formats
/// Chinese Excel gives a month or a date (yyyy"年"m"月", numFmtId 27–36 and 50–58): those arrive as the bare number.
/// A number in a date column within 2000–2099 is such a date; no other reading of it is meant there (a month written
/// as yyyyMM is ≥ 100001, a day count of this century is 36,526–73,050).
/// </summary>
public static class ExcelDates
{
    private const double First = 36_526, Last = 73_050; // 2000-01-01 and 2099-12-31

    public static bool TryDate(object? value, out DateOnly date)
    {
        date = default;
        var days = value switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            long l => l,
            int i => i,
            _ => double.NaN,
        };
        if (!double.IsFinite(days) || days < First || days >= Last + 1) return false;
        date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(days)));
        return true;
    }
}
