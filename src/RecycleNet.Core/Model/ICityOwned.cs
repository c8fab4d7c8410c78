namespace RecycleNet.Core.Model;

/// <summary>A row that belongs to one city (<see cref="Cities.City.Id"/>): layers, enterprises, audit entries, siting runs, networks.</summary>
public interface ICityOwned
{
    string CityId { get; set; }
}
