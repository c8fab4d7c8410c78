using BenchmarkDotNet.Attributes;
using RecycleNet.Core.Policies;
using RecycleNet.Core.Subsidies;

namespace RecycleNet.Bench;

/// <summary>Jinan's item 22 over a large applicant: 40 new outlets, 10 stations and 2 facilities, every cap reached.</summary>
[MemoryDiagnoser, MedianColumn]
public class SubsidyBenchmarks
{
    private SubsidyRuleSet _rules = null!;
    private SubsidyApplication _app = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = PolicyCatalog.Load(Path.Combine(Program.RepoRoot, "seeds", "policies")).Find("jinan-2024")!.Subsidies!;
        var items = new List<SubsidyItem>();
        for (var i = 0; i < 40; i++) items.Add(new FixedOutletPlan($"F{i}", 8 + i * 1.5m, new DateOnly(2024, 5, 25).AddDays(i * 7), i % 7 != 0));
        for (var i = 0; i < 10; i++) items.Add(new MobileStationPlan($"M{i}", 15 + i, 9 + i, i % 3 != 0, 80_000 + i * 12_345.67m));
        items.Add(new FacilityRecognition("P", "provincialIndustrialPark", new DateOnly(2024, 9, 1)));
        items.Add(new FacilityRecognition("C", "provincialSortingCenter", new DateOnly(2025, 1, 2)));
        _app = new SubsidyApplication(new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 31),
            new SubsidyApplicant("bench", true, 45, 10, 5), items);
    }

    [Benchmark]
    public decimal EstimateFiftyTwoItems() => SubsidyEstimator.Estimate(_rules, _app).TotalYuan;
}
