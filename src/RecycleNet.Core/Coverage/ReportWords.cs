using RecycleNet.Core.Model;
namespace RecycleNet.Core.Coverage;

/// <summary>
/// The codes answers carry (a target's status, a distance method, a plan's status), as a Chinese report or workbook names
/// them — one table, so the Word report, the workbook and the page never call the same thing two names.
/// </summary>
public static class ReportWords
{
    /// <summary>A target's status: met, missed, onTrack, offTrack, open, notMeasured.</summary>
    public static string TargetStatusZh(string status) => status switch
    {
        "met" => "已完成",
        "missed" => "未完成",
        "onTrack" => "按进度可完成",
        "offTrack" => "按进度难以完成",
        "open" => "进行中",
        "notMeasured" => "本服务未统计",
        _ => status,
    };

    /// <summary>How walking distances were measured: on the loaded network, or straight line × circuity.</summary>
    public static string DistanceMethodZh(string method) => method switch
    {
        "network" => "沿步行路网",
        "straightLine" => "直线距离 × 绕行系数（未载入步行路网）",
        _ => method,
    };

    /// <summary>A plan's status: draft, adopted, reverted.</summary>
    public static string PlanStatusZh(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Adopted => "已采纳",
        PlanStatus.Reverted => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A writer's key name as a report shows it: the key the service made itself is not a person.</summary>
    public static string AuthorZh(string author) => author switch { "generated" => "服务自动生成的规划员密钥", "" => "（仅规划人员可见）", _ => author };
}
