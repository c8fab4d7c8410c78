using NetTopologySuite.Geometries;
using RecycleNet.Core.Import;
using RecycleNet.Core.Layers;

namespace RecycleNet.Tests.Core.Import;

/// <summary>Validation reads the store's communities only for rows that list some: with a million, a plain outlet write must not.</summary>
public class CommunityReferenceTests
{
    private static ImportRow Row(params (string Key, object? Value)[] properties) =>
        new(0, new Point(117, 36.6), properties.ToDictionary(p => p.Key, p => p.Value));

    [Fact]
    public void Only_a_non_empty_served_list_under_any_of_its_names_refers_to_communities()
    {
        var outlets = OutletLayer.Instance;
        Assert.False(outlets.RefersToCommunities([Row(("name", "甲"), ("kind", "fixed"))]));
        Assert.False(outlets.RefersToCommunities([Row(("servedCommunities", new List<object?>()))])); // what a GET gives a fixed outlet
        Assert.False(outlets.RefersToCommunities([Row(("servedCommunities", " "))]));
        Assert.True(outlets.RefersToCommunities([Row(("name", "甲")), Row(("servedCommunities", new List<object?> { 7L }))]));
        Assert.True(outlets.RefersToCommunities([Row(("服务小区", "模拟小区1;模拟小区2"))]));
        Assert.False(CommunityLayer.Instance.RefersToCommunities([Row(("servedCommunities", new List<object?> { 7L }))]));
    }
}
