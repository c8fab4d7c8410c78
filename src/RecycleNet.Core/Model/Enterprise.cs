namespace RecycleNet.Core.Model;

/// <summary>A recycling enterprise or individual business that operates outlets and applies for subsidies.</summary>
public sealed class Enterprise : ICityOwned
{
    public long Id { get; set; }

    /// <summary>
    /// The city whose bureau it reports to and applies to: its subsidies follow that city's policy. Not part of its JSON:
    /// the route it is read and written through names the city.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Unified social credit code (统一社会信用代码), 18 characters, check digit verified.</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>Registered on the MOFCOM business platform (商务部业务系统统一平台备案).</summary>
    public bool MofcomRegistered { get; set; }

    /// <summary>Number of directly operated outlets (直营网点).</summary>
    public int DirectOutletCount { get; set; }

    public string? Source { get; set; }

    /// <summary>1 when created, one more with every replacement (see <see cref="SpatialEntity.Version"/>).</summary>
    public long Version { get; set; } = 1;
}
