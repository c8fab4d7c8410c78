using RecycleNet.Core.Input;

namespace RecycleNet.Core.Volumes;

/// <summary>
/// What a resubmitted facility-month does to the categories it does not name again. A bureau that resends three of a
/// month's five categories rarely means to delete the other two, so that is never done unasked:
/// <list type="bullet">
/// <item><see cref="Unstated"/> (no mode given): a resubmission that would remove figures is refused, saying which; one
/// that removes nothing is applied.</item>
/// <item><see cref="Replace"/>: the facility-month is replaced whole — the categories not resent are removed (kept as corrections).</item>
/// <item><see cref="Merge"/>: only the resent categories change; the others stay.</item>
/// </list>
/// </summary>
public enum VolumeResubmission { Unstated, Replace, Merge }

public static class VolumeResubmissions
{
    /// <summary>The <c>mode</c> parameter: absent, replace or merge; anything else is refused with the rule.</summary>
    public static bool TryParse(string? text, out VolumeResubmission mode, out Reason? refused)
    {
        (mode, refused) = (VolumeResubmission.Unstated, null);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "": return true;
            case "replace": mode = VolumeResubmission.Replace; return true;
            case "merge": mode = VolumeResubmission.Merge; return true;
            default:
                var shown = text.Length <= 40 ? text : text[..40] + "…";
                refused = new Reason($"'{shown}' is not a resubmission mode; use replace (a resubmitted facility-month replaces its figures whole) "
                    + "or merge (only the categories resent change)", $"“{shown}”不是重报方式；可用 replace（重报的单位月份整月替换）或 merge（只更新重报的品类）");
                return false;
        }
    }
}
