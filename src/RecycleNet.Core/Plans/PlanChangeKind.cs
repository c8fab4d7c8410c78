namespace RecycleNet.Core.Plans;

/// <summary>What a plan does to one feature. Reports name each kind, never one word for all of them.</summary>
public enum PlanChangeKind
{
    Add, Move, Close, Update, Remove,
    /// <summary>An operating waste-sorting point that takes recyclables too (两网融合).</summary>
    Merge,
}

public static class PlanChangeKinds
{
    /// <summary>The kind as the API and the layers write it (add, move, close, update, remove, merge).</summary>
    public static string Code(this PlanChangeKind k) => k.ToString().ToLowerInvariant();

    /// <summary>The kind as a Chinese report names it: 新增、迁址、关闭、修改、删除、两网融合.</summary>
    public static string Zh(this PlanChangeKind k) => k switch
    {
        PlanChangeKind.Add => "新增",
        PlanChangeKind.Move => "迁址",
        PlanChangeKind.Close => "关闭",
        PlanChangeKind.Update => "修改",
        PlanChangeKind.Remove => "删除",
        PlanChangeKind.Merge => "两网融合",
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, null),
    };
}
