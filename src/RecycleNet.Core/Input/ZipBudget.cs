using System.Buffers.Binary;
using System.IO.Compression;

namespace RecycleNet.Core.Input;

/// <summary>What a zip may unpack to (a zipped Shapefile; an XLSX has its own caps in <see cref="Import.XlsxLimits"/>).</summary>
public sealed record ZipLimits
{
    /// <summary>Most members the zip's directory may list: a Shapefile is half a dozen files.</summary>
    public int MaxEntries { get; init; } = 64;

    /// <summary>Largest member unpacked, bytes.</summary>
    public long MaxMemberBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest sum of the members read, bytes.</summary>
    public long MaxTotalBytes { get; init; } = 384L * 1024 * 1024;

    /// <summary>
    /// Most a member may unpack to per compressed byte. A Shapefile's coordinates deflate 2–4×, its attribute table up to
    /// about 30× (blank padded text): 100× leaves room for both, while a bomb (1,000× and more) is stopped early.
    /// </summary>
    public int MaxRatio { get; init; } = 100;

    /// <summary>Bytes a member may unpack to before the ratio is applied: tiny members (a .cpg, an empty table) compress oddly.</summary>
    public long RatioFreeBytes { get; init; } = 1024 * 1024;
}

/// <summary>How refusals name a zip's member ("the zip's roads.dbf") and the zip whole, in both languages.</summary>
public sealed record ZipNames(string Member, string MemberZh, string Whole, string WholeZh)
{
    public static readonly ZipNames Zip = new("the zip's", "压缩包中的", "the zip", "压缩包");
    public static readonly ZipNames Workbook = new("the workbook's part", "工作簿的部件", "the workbook", "工作簿");
}

/// <summary>
/// Reads a zip under a budget: the directory's member count from its end record before <see cref="ZipArchive"/> builds
/// an entry per listed member, then each member inflated through a counter that stops at the first cap — its size, the
/// total, its ratio to the compressed bytes — while inflating, never after. The sizes a zip declares are not trusted.
/// </summary>
public static class ZipBudget
{
    private const uint EndSignature = 0x06054b50;

    /// <summary>Opens the zip on <paramref name="seekable"/> after checking its directory; throws <see cref="FileBudgetException"/>.</summary>
    public static ZipArchive Open(Stream seekable, ZipLimits limits, string what, string whatZh)
    {
        var entries = ListedEntries(seekable) ?? throw new FileBudgetException(new($"{what} is not a zip (no end-of-directory record)", $"{whatZh}不是 zip 压缩包（没有目录结束记录）"));
        if (entries > limits.MaxEntries)
            throw new FileBudgetException(new($"{what} lists {entries:N0} members; at most {limits.MaxEntries} are read", $"{whatZh}列有 {entries:N0} 个文件；最多读取 {limits.MaxEntries} 个"));
        seekable.Position = 0;
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries.Count; // the central directory is read here, once: a damaged one is refused now, not at first use
            return zip;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            zip?.Dispose();
            throw new FileBudgetException(new($"{what} is not a readable zip: {ForeignText.Of(e)}", $"{whatZh}不是可读的 zip 压缩包：{ForeignText.Of(e)}"));
        }
    }

    /// <summary>
    /// The member count the end-of-directory record states (the largest of its two counts; a Zip64 marker counts as
    /// too many), or null without one. Reads at most the last 64 KiB + 22 bytes.
    /// </summary>
    public static long? ListedEntries(Stream s)
    {
        var tail = (int)Math.Min(s.Length, 22 + 0xFFFF);
        if (tail < 22) return null;
        var buffer = new byte[tail];
        s.Position = s.Length - tail;
        s.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != EndSignature) continue;
            var onDisk = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 8));
            var total = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            // 0xFFFF: the real count is in a Zip64 record, which a Shapefile of this service's sizes never needs.
            return onDisk == 0xFFFF || total == 0xFFFF ? long.MaxValue : Math.Max(onDisk, total);
        }
        return null;
    }

    /// <summary>
    /// Inflates <paramref name="entry"/> into <paramref name="to"/>, counting: throws <see cref="FileBudgetException"/> at
    /// the first byte past a cap (<paramref name="total"/> carries the members already read). Corrupt data is refused too.
    /// </summary>
    /// <param name="names">How the messages name the zip and its members (<see cref="ZipNames.Zip"/> by default).</param>
    public static long Inflate(ZipArchiveEntry entry, Stream to, ZipLimits limits, ref long total, long? memberCap = null, ZipNames? names = null)
    {
        var (owner, ownerZh, whole, wholeZh) = names ?? ZipNames.Zip;
        var cap = Math.Min(memberCap ?? limits.MaxMemberBytes, limits.MaxMemberBytes);
        var ratioCap = Math.Max(limits.RatioFreeBytes, entry.CompressedLength * (long)limits.MaxRatio);
        var buffer = new byte[64 * 1024];
        long part = 0;
        try
        {
            using var s = entry.Open();
            int n;
            while ((n = s.Read(buffer)) > 0)
            {
                part += n;
                total += n;
                if (part > cap)
                    throw new FileBudgetException(new($"{owner} {entry.FullName} unpacks to more than {Size(cap)}; the limit is {Size(cap)}",
                        $"{ownerZh} {entry.FullName} 解压后超过 {Size(cap)}，已超出上限"));
                if (part > ratioCap)
                    throw new FileBudgetException(new($"{owner} {entry.FullName} unpacks to more than {limits.MaxRatio}× its compressed size; the limit is {limits.MaxRatio}× (a zip bomb?)",
                        $"{ownerZh} {entry.FullName} 解压后超过压缩大小的 {limits.MaxRatio} 倍，已超出上限（疑为压缩炸弹）"));
                if (total > limits.MaxTotalBytes)
                    throw new FileBudgetException(new($"{whole} unpacks to more than {Size(limits.MaxTotalBytes)} in all; the limit is {Size(limits.MaxTotalBytes)}",
                        $"{wholeZh}解压后总计超过 {Size(limits.MaxTotalBytes)}，已超出上限"));
                to.Write(buffer, 0, n);
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            // A damaged member: bad deflate data, an unknown compression method, a checksum that does not match.
            throw new FileBudgetException(new($"{owner} {entry.FullName} is corrupt: {ForeignText.Of(e)}", $"{ownerZh} {entry.FullName} 已损坏：{ForeignText.Of(e)}"));
        }
        return part;
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : bytes >= 1024 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
