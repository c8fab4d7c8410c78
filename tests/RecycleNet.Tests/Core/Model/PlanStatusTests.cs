using RecycleNet.Core.Coverage;
using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Model;

/// <summary>A plan's status is a type with one English and one Chinese name each (the report said 采纳 in one place, 已采纳 in another).</summary>
public class PlanStatusTests
{
    [Fact]
    public void Every_status_has_one_stored_name_and_one_Chinese_name()
    {
        var all = Enum.GetValues<PlanStatus>();
        Assert.Equal(["draft", "adopted", "reverted"], all.Select(s => s.Name()));
        Assert.Equal(["草稿", "已采纳", "已撤销"], all.Select(ReportWords.PlanStatusZh));
        // The store writes the same names (LowerCaseEnumConverter): what was stored before the enum reads back.
        Assert.All(all, s => Assert.Equal(s.Name(), s.ToString().ToLowerInvariant()));
    }
}
