using RecycleNet.Core.Database;

namespace RecycleNet.Tests.Core.Database;

public class BackupRotationTests
{
    private static readonly DateTimeOffset Dec7 = new(2026, 12, 7, 3, 15, 0, TimeSpan.Zero);

    [Fact]
    public void A_name_carries_its_utc_time_and_reads_back()
    {
        var name = BackupRotation.NameFor(new DateTimeOffset(2026, 12, 7, 11, 15, 0, TimeSpan.FromHours(8)));
        Assert.Equal("recyclenet-20261207T031500Z.db", name);
        Assert.Equal(Dec7, BackupRotation.TakenAt(name));
        foreach (var other in new[] { "recyclenet-20261207T031500Z.db.partial", "recyclenet.db", "recyclenet-2026-12-07.db", "x-recyclenet-20261207T031500Z.db",
                     "recyclenet-20261307T031500Z.db" })
            Assert.Null(BackupRotation.TakenAt(other));
    }

    [Fact]
    public void Pruning_keeps_the_newest_and_touches_nothing_it_did_not_name()
    {
        string[] files = ["/b/recyclenet-20261205T031500Z.db", "/b/hand-made.db", "/b/recyclenet-20261207T031500Z.db", "/b/recyclenet-20261206T031500Z.db",
            "/b/recyclenet-20261207T031501Z.db.partial", "/b/recyclenet-20261204T031500Z.db"];
        Assert.Equal(["recyclenet-20261204T031500Z.db", "recyclenet-20261205T031500Z.db"], BackupRotation.ToDelete(files, keep: 2));
        Assert.Empty(BackupRotation.ToDelete(files, keep: 4));
        Assert.Empty(BackupRotation.ToDelete(["/b/hand-made.db"], keep: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackupRotation.ToDelete(files, keep: 0));
    }

    [Fact]
    public void The_next_backup_is_due_an_interval_after_the_newest()
    {
        var day = TimeSpan.FromDays(1);
        Assert.Equal(TimeSpan.Zero, BackupRotation.Due([], day, Dec7));
        Assert.Equal(TimeSpan.Zero, BackupRotation.Due(["hand-made.db"], day, Dec7));
        Assert.Equal(TimeSpan.FromHours(20), BackupRotation.Due(["recyclenet-20261207T031500Z.db"], day, Dec7.AddHours(4)));
        Assert.Equal(TimeSpan.Zero, BackupRotation.Due(["recyclenet-20261205T031500Z.db"], day, Dec7)); // overdue: now
        Assert.Equal(day, BackupRotation.Due(["recyclenet-20261209T031500Z.db"], day, Dec7)); // a clock set back: one interval at most
    }
}
